import Testing

@testable import PubGateCore

@Suite struct ValidityStatementTests {
    @Test func effectiveDateAndPeriodAreRead() {
        let v = ValidityStatement(text: "本规定自2025年8月1日起施行，有效期5年。", title: "规定", phrasebook: shippedPhrasebook)
        #expect(v.effectiveDate == SimpleDate(year: 2025, month: 8, day: 1))
        #expect(v.years == 5 && !v.isTrial && v.statesPeriod)
    }

    @Test func effectOnIssueChineseYearsAndEndDate() {
        let v = ValidityStatement(text: "本办法自印发之日起施行，有效期三年。", title: "暂行办法", phrasebook: shippedPhrasebook)
        #expect(v.effectiveOnIssue && v.effectiveDate == nil && v.years == 3 && v.isTrial)
        let w = ValidityStatement(text: "有效期至2027年12月31日。", title: nil, phrasebook: shippedPhrasebook)
        #expect(w.validUntil == SimpleDate(year: 2027, month: 12, day: 31) && !w.statesEffectiveDate)
    }

    @Test func registrationWindowsAreNotValidity() {
        let v = ValidityStatement(text: "报名时间为2025年7月1日至7月10日。", title: "公告", phrasebook: shippedPhrasebook)
        #expect(!v.statesEffectiveDate && !v.statesPeriod)
    }
}

@Suite struct ValidityTermTests {
    let defaults = shippedSettings.publication.normative

    @Test func statedPeriodCountsFromTheEffectiveDateNotTheWrittenDate() {
        let v = ValidityStatement(text: "本规定自2020年7月1日起施行，有效期5年。", title: "规定", phrasebook: shippedPhrasebook)
        let t = ValidityTerm.of(v, effectiveDate: nil, writtenDate: SimpleDate(year: 2020, month: 6, day: 15), defaults: defaults)
        #expect(t == ValidityTerm(expiresOn: SimpleDate(year: 2025, month: 7, day: 1)!, basis: "stated_period", countedFrom: "effective_date"))
    }

    @Test func validUntilIsValidThroughThatDay() {
        let v = ValidityStatement(text: "有效期至2024年12月31日。", title: nil, phrasebook: shippedPhrasebook)
        #expect(ValidityTerm.of(v, effectiveDate: nil, writtenDate: nil, defaults: nil)?.expiresOn == SimpleDate(year: 2025, month: 1, day: 1))
    }

    @Test func trialNormativeDefaultsToTwoYears() {
        let v = ValidityStatement(text: "本办法自2023年3月1日起施行。", title: "试行办法", phrasebook: shippedPhrasebook)
        let t = ValidityTerm.of(v, effectiveDate: nil, writtenDate: nil, defaults: defaults)
        #expect(t?.expiresOn == SimpleDate(year: 2025, month: 3, day: 1) && t?.basis == "default_trial_period")
    }

    @Test func effectOnIssueCountsFromTheWrittenDate() {
        let v = ValidityStatement(text: "本规定自印发之日起施行。", title: "规定", phrasebook: shippedPhrasebook)
        let t = ValidityTerm.of(v, effectiveDate: nil, writtenDate: SimpleDate(year: 2019, month: 2, day: 28), defaults: defaults)
        #expect(t?.expiresOn == SimpleDate(year: 2024, month: 2, day: 28) && t?.countedFrom == "written_date")
    }

    @Test func proseAboutAnotherPeriodIsNoTermOutsideNormativeDocuments() {
        let v = ValidityStatement(text: "居民身份证有效期5年，请及时换领。", title: "通知", phrasebook: shippedPhrasebook)
        #expect(ValidityTerm.of(v, effectiveDate: nil, writtenDate: SimpleDate(year: 2025, month: 1, day: 1), defaults: nil) == nil)
    }

    @Test func datesRollOverMonthsYearsAndLeapDays() {
        #expect(SimpleDate(year: 2024, month: 12, day: 31)!.adding(days: 1) == SimpleDate(year: 2025, month: 1, day: 1))
        #expect(SimpleDate(year: 2024, month: 2, day: 29)!.adding(years: 1) == SimpleDate(year: 2025, month: 2, day: 28))
        #expect(SimpleDate(year: 2025, month: 3, day: 1)!.adding(days: -1) == SimpleDate(year: 2025, month: 2, day: 28))
    }
}
