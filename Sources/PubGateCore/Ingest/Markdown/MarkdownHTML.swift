import EncodingKit
import XMLKit

/// Raw HTML in a Markdown page, read by the HTML path (libxml2, ``HTMLExtractor``'s walker).
///
/// Hugo serves raw HTML as written, and what it hides hides Markdown too: in
/// `<span hidden>内部资料</span>` the text between the tags is Markdown text, but it is hidden. So the
/// HTML path reads one document laid over the page: the raw HTML nodes' characters where they are,
/// every Markdown text character as a letter `x` at its own position, everything else blank (line
/// breaks kept). What the parser makes of the raw HTML's characters — text inside HTML blocks,
/// comments, attributes, hidden elements — becomes segments at the HTML nodes' places; what it makes
/// of the `x`s says which Markdown text is hidden, a script, or a title. Positions in the overlay are
/// positions in the file.
enum MarkdownHTML {
    /// The pieces with each HTML node replaced by what the HTML path read in it, and Markdown text
    /// inside hidden HTML marked `hidden`.
    ///
    /// The walker's positions are bytes of `view`; the overlay is laid out by character, so the
    /// pieces are read in the view's scalar indices here and given back in bytes. Only a page with
    /// raw HTML takes this path.
    static func resolve(_ pieces: [MarkdownPiece], htmlNodes: [[Int32]], view utf8: [UInt8]) -> [TextSegment] {
        let view = UTF8Bytes.scalars(ofUTF8: utf8.span)
        let scalarOf = scalarIndices(view)
        let offsets = MarkdownExtractor.byteOffsets(of: view)
        let inScalars = pieces.map { piece -> MarkdownPiece in
            if case .segment(let segment) = piece { return .segment(segment.inScalars(through: scalarOf)) }
            return piece
        }
        let nodes = htmlNodes.map { $0.map { scalarOf[Int($0)] } }
        return resolve(inScalars, htmlNodes: nodes, view: view).map { $0.remapped(through: offsets) }
    }

    private static func resolve(_ pieces: [MarkdownPiece], htmlNodes: [[Int32]], view: [Unicode.Scalar]) -> [TextSegment] {
        let (overlay, node) = Self.overlay(pieces, htmlNodes: htmlNodes, view: view)
        let overlayUTF8 = UTF8Bytes.encode(overlay)
        var walker = HTMLExtractor.Walker(aligner: SourceAligner(source: overlayUTF8))
        do {
            try MarkupParser.parseHTML(overlayUTF8, into: &walker)
        } catch {
            // The HTML path could not read it: each node's characters are scanned as written.
            return rawFallback(pieces, htmlNodes: htmlNodes, view: view)
        }
        walker.closeBlock()
        var fromNode = [[TextSegment]](repeating: [], count: htmlNodes.count)
        var partAt: [Int32: ContentPart] = [:]
        // The walker's origins are bytes of the overlay; this reader counts in scalars.
        let scalarAt = scalarIndices(overlay)
        for read in walker.segments {
            let segment = read.inScalars(through: scalarAt)
            let origins = segment.origins
            let scalars = segment.scalars
            var start = 0
            // Splits the segment into runs of one HTML node's characters; `x`s only give their part.
            func take(_ end: Int) {
                guard end > start else { return }
                let k = node[Int(origins[start])]
                if k >= 0 {
                    let piece = TextSegment(
                        part: segment.part, scalars: Array(scalars[start..<end]), scalarOrigins: Array(origins[start..<end]),
                        endsBlock: end == scalars.count ? segment.endsBlock : false)
                    fromNode[Int(k)].append(piece)
                } else if segment.part != .body {
                    for o in origins[start..<end] { partAt[o] = segment.part }
                }
                start = end
            }
            for i in origins.indices.dropFirst() where node[Int(origins[i])] != node[Int(origins[i - 1])] {
                take(i)
            }
            take(origins.count)
        }
        var segments: [TextSegment] = []
        for piece in pieces {
            switch piece {
            case .segment(let segment):
                segments += partAt.isEmpty ? [segment] : split(segment, by: partAt)
            case .html(let k):
                var read = fromNode[k]
                if !read.isEmpty { read[read.count - 1].endsBlock = true }
                segments += read
            }
        }
        return segments
    }

    /// The document the HTML path reads (see above), and the HTML node of each of its characters (-1
    /// for none).
    private static func overlay(
        _ pieces: [MarkdownPiece], htmlNodes: [[Int32]], view: [Unicode.Scalar]
    ) -> (overlay: [Unicode.Scalar], node: [Int32]) {
        var overlay = view.map { $0 == "\n" || $0 == "\r" ? $0 : " " as Unicode.Scalar }
        var node = [Int32](repeating: -1, count: view.count)
        for (k, positions) in htmlNodes.enumerated() {
            for p in positions {
                overlay[Int(p)] = view[Int(p)]
                node[Int(p)] = Int32(k)
            }
        }
        for case .segment(let segment) in pieces {
            for o in segment.origins where node[Int(o)] < 0 && overlay[Int(o)] == " " { overlay[Int(o)] = "x" }
        }
        return (overlay, node)
    }

    /// For each UTF-8 byte of `scalars` (and the end), the index of the scalar it belongs to.
    private static func scalarIndices(_ scalars: [Unicode.Scalar]) -> [Int32] {
        var table: [Int32] = []
        table.reserveCapacity(scalars.count * 3 + 1)
        for (i, s) in scalars.enumerated() { table += repeatElement(Int32(i), count: UTF8.width(s)) }
        table.append(Int32(scalars.count))
        return table
    }

    /// `segment` cut where the part its characters have in the HTML changes.
    private static func split(_ segment: TextSegment, by partAt: [Int32: ContentPart]) -> [TextSegment] {
        let origins = segment.origins
        let scalars = segment.scalars
        let parts = origins.map { partAt[$0] ?? segment.part }
        guard parts.contains(where: { $0 != segment.part }) else { return [segment] }
        var out: [TextSegment] = []
        var start = 0
        for i in 1...parts.count where i == parts.count || parts[i] != parts[start] {
            out.append(
                TextSegment(
                    part: parts[start], scalars: Array(scalars[start..<i]), scalarOrigins: Array(origins[start..<i]),
                    endsBlock: i == parts.count ? segment.endsBlock : false))
            start = i
        }
        return out
    }

    private static func rawFallback(_ pieces: [MarkdownPiece], htmlNodes: [[Int32]], view: [Unicode.Scalar]) -> [TextSegment] {
        pieces.map { piece in
            switch piece {
            case .segment(let segment): return segment
            case .html(let k): return TextSegment(part: .body, scalars: htmlNodes[k].map { view[Int($0)] }, scalarOrigins: htmlNodes[k])
            }
        }
    }
}
