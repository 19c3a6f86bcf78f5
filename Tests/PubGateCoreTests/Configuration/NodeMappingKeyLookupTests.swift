import Testing
import Yams

@testable import PubGateCore

/// `mapping["key"]` finds what Yams' own lookup finds, for plain words and for every other key,
/// under the resolvers pubgate parses with.
@Suite struct NodeMappingKeyLookupTests {
    static let text = """
        id: 1
        "quoted": 2
        yes: 3
        "no": 4
        on: 5
        null: 6
        "12": 7
        13: 8
        snake_case: 9
        [a, b]: 11
        Upper: 12
        '': 13
        """

    static let keys = ["id", "quoted", "yes", "no", "on", "null", "12", "13", "snake_case", "Upper", "", "absent", "a", "true", "off"]

    static func yamsLookup(_ mapping: Node.Mapping, _ key: String) -> Node? {
        mapping[Node(key, mapping.tag.copy(with: .implicit))]
    }

    @Test(arguments: [Resolver.default, Resolver.basic.appending(.merge)])
    func findsWhatYamsFinds(resolver: Resolver) throws {
        let root = try #require(try Parser(yaml: Self.text, resolver: resolver).singleRoot()?.mapping)
        for key in Self.keys {
            #expect(root[key: key] == Self.yamsLookup(root, key), "key \(key)")
        }
        #expect(root[key: "id"]?.int == 1)
        #expect(root[key: "snake_case"]?.int == 9)
    }

    @Test func findsWhatYamsFindsInArchivedTrees() throws {
        let node = try #require(try Yams.compose(yaml: Self.text))
        let archived = try #require(YAMLNodeArchive.encode(node).flatMap(YAMLNodeArchive.decode))
        let root = try #require(archived.mapping)
        for key in Self.keys {
            #expect(root[key: key] == Self.yamsLookup(root, key), "key \(key)")
        }
    }

    /// A mapping built in code may repeat a key: the last pair counts, as in Yams.
    @Test func lastOfRepeatedKeysCounts() {
        let mapping = Node.Mapping([(Node("id"), Node("1")), (Node("id"), Node("10")), (Node("x"), Node("2"))])
        #expect(mapping[key: "id"] == Self.yamsLookup(mapping, "id"))
        #expect(mapping[key: "id"]?.string == "10")
    }

    @Test func plainWordsAreLowerCaseAndNeitherBooleanNorNull() {
        #expect(Node.Mapping.isPlainWord("applies_to"))
        for word in ["", "Yes", "yes", "no", "on", "off", "true", "false", "null", "a1", "a-b", "id "] {
            #expect(!Node.Mapping.isPlainWord(word), "\(word)")
        }
    }
}
