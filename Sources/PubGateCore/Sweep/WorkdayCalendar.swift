/// Working days for windows counted in 工作日 (公示期为7个工作日): Monday to Friday, minus public
/// holidays, plus the weekend days declared make-up working days (调休), from `Rules/expiry.yaml`.
struct WorkdayCalendar: Sendable {
    let holidays: Set<SimpleDate>
    let workdays: Set<SimpleDate>

    init(holidays: Set<SimpleDate> = [], workdays: Set<SimpleDate> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    func isWorkday(_ d: SimpleDate) -> Bool {
        if workdays.contains(d) { return true }
        if holidays.contains(d) { return false }
        return d.weekday <= 5
    }

    /// Working days from `start` through `end`, both counted (0 when `end` is earlier).
    func workdays(from start: SimpleDate, through end: SimpleDate) -> Int {
        var count = 0
        var day = start
        while day <= end {
            if isWorkday(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The last day of a window of `count` working days that starts on `start` (counted when it is one).
    func lastDay(ofWorkdays count: Int, from start: SimpleDate) -> SimpleDate {
        var day = start
        var remaining = count
        while true {
            if isWorkday(day) {
                remaining -= 1
                if remaining <= 0 { return day }
            }
            day = day.adding(days: 1)
        }
    }
}
