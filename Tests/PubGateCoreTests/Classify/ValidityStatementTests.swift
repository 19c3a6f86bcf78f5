import Testing
@testable import PubGateCore

@Suite struct ValidityStatementTests {
    @Test func effectiveDateAndPeriodAreRead() {
        let v = ValidityStatement(text: "本规定自2025年8月1日起施行，有效期5年。", title: "规定")
        #expect(v.effectiveDate == SimpleDate(year: 2025, month: 8, day: 1))
        #expect(v.years == 5 && !v.isTrial && v.statesPeriod)
    }

    @Test func effectOnIssueChineseYearsAndEndDate() {
        let v = ValidityStatement(text: "本办法自印发之日起施行，有效期三年。", title: "暂行办法")
        #expect(v.effectiveOnIssue && v.effectiveDate == nil && v.years == 3 && v.isTrial)
        let w = ValidityStatement(text: "有效期至2027年12月31日。", title: nil)
        #expect(w.validUntil == SimpleDate(year: 2027, month: 12, day: 31) && !w.statesEffectiveDate)
    }

    @Test func registrationWindowsAreNotValidity() {
        let v = ValidityStatement(text: "报名时间为2025年7月1日至7月10日。", title: "公告")
        #expect(!v.statesEffectiveDate && !v.statesPeriod)
    }
}
