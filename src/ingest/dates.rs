//! Dates as news pages write them: "Mon Jan 13, 2014 2:31pm GMT", "24 November 2013",
//! "Thursday 2 April 2015 21.48 BST", "September 23, 2015", ISO 8601; and relative dates
//! in the text ("on Monday", "Jan. 22") resolved against the article's date.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

const MONTHS: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})").expect("valid regex"));
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)? ({MONTHS})\.?,? (\d{{4}})\b"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MONTHS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"
    ))
    .expect("valid regex")
});

/// Month number (1–12) of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Finds the first full date (with a year) in a string.
///
/// ```
/// use chrono::NaiveDate;
/// use newsgraph::ingest::parse_date;
/// assert_eq!(parse_date("Mon Jan 13, 2014 2:31pm GMT"), NaiveDate::from_ymd_opt(2014, 1, 13));
/// assert_eq!(parse_date("Thursday 2 April 2015 21.48 BST"), NaiveDate::from_ymd_opt(2015, 4, 2));
/// assert_eq!(parse_date("2016-06-23T10:00:00Z"), NaiveDate::from_ymd_opt(2016, 6, 23));
/// assert_eq!(parse_date("no date here"), None);
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |pos: usize, d: Option<NaiveDate>| {
        if let Some(d) = d {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
    };
    if let Some(c) = ISO.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?),
        );
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let d = month_number(&c[2])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let d = month_number(&c[1])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    best.map(|(_, d)| d)
}

/// The month (1–12) an English month's full name names ("March", not "Mar" or "Marshall").
pub fn month_name(word: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let m = month_number(word)?;
    (FULL[m as usize - 1] == word.to_ascii_lowercase()).then_some(m)
}

/// The weekday named by an English word ("Monday", "Mon").
pub fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The most recent day named `day` on or before `anchor`: news reports past events, so
/// "on Monday" in an article of Wednesday 15 January is Monday 13 January.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use newsgraph::ingest::resolve_weekday;
/// let wed = NaiveDate::from_ymd_opt(2014, 1, 15).unwrap();
/// assert_eq!(resolve_weekday(wed, Weekday::Mon), NaiveDate::from_ymd_opt(2014, 1, 13).unwrap());
/// ```
pub fn resolve_weekday(anchor: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (anchor.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
    anchor - Duration::days(i64::from(back))
}

/// A day and month without a year ("Jan. 22"), placed in the year nearest the anchor.
pub fn resolve_month_day(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let candidates = [anchor.year() - 1, anchor.year(), anchor.year() + 1];
    candidates
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn news_page_date_forms() {
        assert_eq!(parse_date("Sun Nov 24, 2013 6:41am EST"), ymd(2013, 11, 24));
        assert_eq!(
            parse_date("24 November 2013 Last updated at 10:02 GMT"),
            ymd(2013, 11, 24)
        );
        assert_eq!(parse_date("September 23, 2015"), ymd(2015, 9, 23));
        assert_eq!(parse_date("Tue 12 Jun 2018 14.10 BST"), ymd(2018, 6, 12));
        assert_eq!(parse_date("Fri Apr 27, 2018 / 1:12 PM"), ymd(2018, 4, 27));
        assert_eq!(parse_date("on January 12th, 2014."), ymd(2014, 1, 12));
        assert_eq!(parse_date("31 February 2014"), None);
    }

    #[test]
    fn relative_dates() {
        let anchor = NaiveDate::from_ymd_opt(2014, 1, 13).expect("date");
        assert_eq!(
            Some(resolve_weekday(anchor, Weekday::Mon)),
            ymd(2014, 1, 13)
        );
        assert_eq!(
            Some(resolve_weekday(anchor, Weekday::Sun)),
            ymd(2014, 1, 12)
        );
        assert_eq!(resolve_month_day(anchor, 1, 22), ymd(2014, 1, 22));
        assert_eq!(resolve_month_day(anchor, 12, 30), ymd(2013, 12, 30));
    }

    #[test]
    fn month_names_in_full_only() {
        assert_eq!(month_name("March"), Some(3));
        assert_eq!(month_name("SEPTEMBER"), Some(9));
        assert_eq!(month_name("Mar"), None);
        assert_eq!(month_name("Marshall"), None);
        assert_eq!(month_name("Junior"), None);
    }
}
