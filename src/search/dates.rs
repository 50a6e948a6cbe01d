//! `--since` and `--until` values: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive.
//!
//! A partial date stands for its whole year or month: `--since 2022-01` starts on the 1st,
//! `--until 2022-01` ends on the 31st.

use anyhow::{anyhow, Result};
use chrono::NaiveDate;

/// Which end of a period a partial date is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    First,
    Last,
}

/// Parses a date filter, naming the flag in the error; dates outside the stored range
/// ([`crate::model::date_in_range`]) are refused rather than silently matching everything.
pub fn parse(value: &str, end: End, flag: &str) -> Result<NaiveDate> {
    let date = parse_parts(value.trim(), end).ok_or_else(|| {
        if well_formed(value.trim()) {
            anyhow!("invalid {flag} date {value:?}: no such month or day in the calendar")
        } else {
            anyhow!("invalid {flag} date {value:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        }
    })?;
    if !crate::model::date_in_range(date) {
        return Err(anyhow!(
            "invalid {flag} date {value:?}: dates run from {}-01-01 to {}-12-31",
            crate::model::FIRST_YEAR,
            crate::model::LAST_YEAR
        ));
    }
    Ok(date)
}

/// Whether the value has the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (digits only), whether
/// or not that day exists.
fn well_formed(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let widths = [4, 2, 2];
    parts.len() <= widths.len()
        && parts
            .iter()
            .zip(widths)
            .all(|(part, width)| part.len() == width && part.bytes().all(|b| b.is_ascii_digit()))
}

fn parse_parts(value: &str, end: End) -> Option<NaiveDate> {
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = i32::try_from(number(parts.first()?, 4)?).ok()?;
    match parts.len() {
        1 => match end {
            End::First => NaiveDate::from_ymd_opt(year, 1, 1),
            End::Last => NaiveDate::from_ymd_opt(year, 12, 31),
        },
        2 => {
            let month = number(parts[1], 2)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            match end {
                End::First => Some(first),
                End::Last => first.checked_add_months(chrono::Months::new(1))?.pred_opt(),
            }
        }
        3 => NaiveDate::from_ymd_opt(year, number(parts[1], 2)?, number(parts[2], 2)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_year_covers_january_to_december() {
        assert_eq!(
            parse("2021", End::First, "--since").unwrap(),
            day(2021, 1, 1)
        );
        assert_eq!(
            parse("2021", End::Last, "--until").unwrap(),
            day(2021, 12, 31)
        );
    }

    #[test]
    fn a_month_ends_on_its_last_day_even_in_leap_years() {
        assert_eq!(
            parse("2024-02", End::Last, "--until").unwrap(),
            day(2024, 2, 29)
        );
        assert_eq!(
            parse("2022-12", End::Last, "--until").unwrap(),
            day(2022, 12, 31)
        );
        assert_eq!(
            parse("2022-02", End::First, "--since").unwrap(),
            day(2022, 2, 1)
        );
    }

    #[test]
    fn a_day_that_does_not_exist_is_called_that_not_a_bad_shape() {
        let error = parse("2016-09-31", End::First, "--since").unwrap_err();
        assert!(
            error.to_string().contains("no such month or day"),
            "{error}"
        );
        let error = parse("2016-13", End::First, "--since").unwrap_err();
        assert!(
            error.to_string().contains("no such month or day"),
            "{error}"
        );
        let error = parse("16-09-30", End::First, "--since").unwrap_err();
        assert!(error.to_string().contains("expected YYYY"), "{error}");
    }

    #[test]
    fn a_full_date_is_itself() {
        assert_eq!(
            parse("2022-01-26", End::Last, "--until").unwrap(),
            day(2022, 1, 26)
        );
    }

    #[test]
    fn impossible_or_malformed_dates_name_the_flag() {
        for bad in [
            "2022-02-30",
            "2022-13",
            "22-01-01",
            "yesterday",
            "2022-1-5",
            "",
            "2263",
            "1677-01",
        ] {
            let err = parse(bad, End::First, "--since").unwrap_err().to_string();
            assert!(err.starts_with("invalid --since date"), "{bad}: {err}");
        }
    }
}
