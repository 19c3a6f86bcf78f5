import Testing

@testable import PubGateCore

@Suite struct MonthlyListTests {
    func page(_ title: String, number: String?, published: String?, attribute: String = "主动公开") -> String {
        var front = "---\ntitle: '\(title)'\nwritten_date: 2025-06-10\ndisclosure: \(attribute)\n"
        if let number { front += "doc_no: \(number)\n" }
        if let published { front += "date: \(published)\n" }
        return front + "---\n正文。\n"
    }

    @Test func listsActiveGongwenOfTheMonthOnly() {
        let docs = [
            classify(page("关于调整办公时间的通知", number: "本公通〔2025〕9号", published: "2025-06-17"), name: "a.md"),
            classify(page("关于五月工作的通知", number: "本公通〔2025〕5号", published: "2025-05-30"), name: "b.md"),
            classify(page("关于车辆管理的规定", number: "本公发〔2025〕13号", published: "2025-06-18", attribute: "依申请公开"), name: "c.md"),
            classify(page("工作动态", number: nil, published: "2025-06-19"), name: "d.md"),
            classify(page("关于值班安排的通知", number: "本公通〔2025〕10号", published: nil), name: "e.md"),
        ]
        let list = MonthlyList(year: 2025, month: 6, documents: docs)
        #expect(list.month == "2025-06")
        #expect(list.documents.map(\.path) == ["a.md"])
        #expect(list.documents.first?.documentNumber == "本公通〔2025〕9号")
        #expect(list.documents.first?.writtenDate == SimpleDate(year: 2025, month: 6, day: 10))
        #expect(list.undated == ["e.md"])
    }

    @Test func csvQuotesFieldsAndStartsWithABOM() {
        let doc = classify(page("关于\"两个\",三个的通知", number: "本公通〔2025〕9号", published: "2025-06-17"), name: "a.md")
        let csv = MonthlyList(year: 2025, month: 6, documents: [doc]).csv
        #expect(csv.hasPrefix("\u{FEFF}文号,标题,成文日期,发布日期,路径\r\n"))
        #expect(csv.contains("\"关于\"\"两个\"\",三个的通知\""))
    }
}
