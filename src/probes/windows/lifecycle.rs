//! Which Windows builds still get security updates: a small table of Windows 10/11 and
//! Windows Server builds with the last day of servicing, each from the Microsoft lifecycle
//! page named with it. Only dates those pages give are here; a build or edition not in the
//! table is `unknown`, never guessed. Extended Security Updates (ESU) cannot be seen from the
//! machine and are not counted.

use jiff::civil::Date;
use serde::Serialize;

/// The editions that share a servicing timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditionGroup {
    /// Home, Pro, Pro Education, Pro for Workstations (`Core*`, `Professional*`).
    HomePro,
    /// Enterprise, Education, IoT Enterprise (not LTSC).
    EnterpriseEducation,
    /// Enterprise LTSB/LTSC (`EnterpriseS*`).
    Ltsc,
    /// IoT Enterprise LTSC (`IoTEnterpriseS*`).
    IotLtsc,
    /// Windows Server (any edition).
    Server,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Servicing {
    pub build: u32,
    pub group: EditionGroup,
    pub product: &'static str,
    /// The last day with security updates (a Patch Tuesday).
    pub end: (i16, i8, i8),
    /// The Microsoft lifecycle page the date comes from.
    pub source: &'static str,
}

const W10_HP: &str = "https://learn.microsoft.com/lifecycle/products/windows-10-home-and-pro";
const W10_EE: &str =
    "https://learn.microsoft.com/lifecycle/products/windows-10-enterprise-and-education";
const W11_HP: &str = "https://learn.microsoft.com/lifecycle/products/windows-11-home-and-pro";
const W11_EE: &str =
    "https://learn.microsoft.com/lifecycle/products/windows-11-enterprise-and-education";
const W10_REL: &str = "https://learn.microsoft.com/windows/release-health/release-information";
const WS2012R2: &str = "https://learn.microsoft.com/lifecycle/products/windows-server-2012-r2";
const WS2016: &str = "https://learn.microsoft.com/lifecycle/products/windows-server-2016";
const WS2019: &str = "https://learn.microsoft.com/lifecycle/products/windows-server-2019";
const WS2022: &str = "https://learn.microsoft.com/lifecycle/products/windows-server-2022";
const WS2025: &str = "https://learn.microsoft.com/lifecycle/products/windows-server-2025";

/// The table. The end dates are the last Patch Tuesday of servicing (end of extended support
/// for Windows Server and LTSC, end of servicing for the others).
pub const TABLE: &[Servicing] = {
    use EditionGroup::*;
    &[
        // Windows 10
        row(19045, HomePro, "Windows 10 22H2", (2025, 10, 14), W10_HP),
        row(
            19045,
            EnterpriseEducation,
            "Windows 10 22H2",
            (2025, 10, 14),
            W10_EE,
        ),
        row(19044, HomePro, "Windows 10 21H2", (2023, 6, 13), W10_HP),
        row(
            19044,
            EnterpriseEducation,
            "Windows 10 21H2",
            (2024, 6, 11),
            W10_EE,
        ),
        row(
            19044,
            Ltsc,
            "Windows 10 Enterprise LTSC 2021",
            (2027, 1, 12),
            W10_REL,
        ),
        row(
            19044,
            IotLtsc,
            "Windows 10 IoT Enterprise LTSC 2021",
            (2032, 1, 13),
            W10_REL,
        ),
        row(
            17763,
            Ltsc,
            "Windows 10 Enterprise LTSC 2019",
            (2029, 1, 9),
            W10_REL,
        ),
        row(
            17763,
            IotLtsc,
            "Windows 10 IoT Enterprise LTSC 2019",
            (2029, 1, 9),
            W10_REL,
        ),
        row(
            14393,
            Ltsc,
            "Windows 10 Enterprise LTSB 2016",
            (2026, 10, 13),
            W10_REL,
        ),
        row(
            10240,
            Ltsc,
            "Windows 10 Enterprise LTSB 2015",
            (2025, 10, 14),
            W10_REL,
        ),
        // Windows 11
        row(22000, HomePro, "Windows 11 21H2", (2023, 10, 10), W11_HP),
        row(
            22000,
            EnterpriseEducation,
            "Windows 11 21H2",
            (2024, 10, 8),
            W11_EE,
        ),
        row(22621, HomePro, "Windows 11 22H2", (2024, 10, 8), W11_HP),
        row(
            22621,
            EnterpriseEducation,
            "Windows 11 22H2",
            (2025, 10, 14),
            W11_EE,
        ),
        row(22631, HomePro, "Windows 11 23H2", (2025, 11, 11), W11_HP),
        row(
            22631,
            EnterpriseEducation,
            "Windows 11 23H2",
            (2026, 11, 10),
            W11_EE,
        ),
        row(26100, HomePro, "Windows 11 24H2", (2026, 10, 13), W11_HP),
        row(
            26100,
            EnterpriseEducation,
            "Windows 11 24H2",
            (2027, 10, 12),
            W11_EE,
        ),
        row(26200, HomePro, "Windows 11 25H2", (2027, 10, 12), W11_HP),
        // Windows Server
        row(
            9600,
            Server,
            "Windows Server 2012 R2",
            (2023, 10, 10),
            WS2012R2,
        ),
        row(14393, Server, "Windows Server 2016", (2027, 1, 12), WS2016),
        row(17763, Server, "Windows Server 2019", (2029, 1, 9), WS2019),
        row(20348, Server, "Windows Server 2022", (2031, 10, 14), WS2022),
        row(26100, Server, "Windows Server 2025", (2034, 11, 14), WS2025),
    ]
};

const fn row(
    build: u32,
    group: EditionGroup,
    product: &'static str,
    end: (i16, i8, i8),
    source: &'static str,
) -> Servicing {
    Servicing {
        build,
        group,
        product,
        end,
        source,
    }
}

/// The edition group from the registry's `EditionID` and `InstallationType` (both the same in
/// every display language, unlike the caption) and WMI's `ProductType` (1 workstation, 2
/// domain controller, 3 server).
pub fn edition_group(
    edition_id: &str,
    installation_type: &str,
    product_type: Option<u32>,
) -> Option<EditionGroup> {
    let e = edition_id.to_ascii_lowercase();
    if e.starts_with("server")
        || installation_type.to_ascii_lowercase().starts_with("server")
        || matches!(product_type, Some(2 | 3))
    {
        return Some(EditionGroup::Server);
    }
    if e.starts_with("iotenterprises") {
        return Some(EditionGroup::IotLtsc);
    }
    if e.starts_with("enterprises") {
        return Some(EditionGroup::Ltsc);
    }
    if e.starts_with("core") || e.starts_with("professional") {
        return Some(EditionGroup::HomePro);
    }
    if e.starts_with("enterprise") || e.starts_with("education") || e.starts_with("iotenterprise") {
        return Some(EditionGroup::EnterpriseEducation);
    }
    None
}

/// The support of one build and edition today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Support {
    /// `supported`, `ended` or `unknown`.
    pub status: &'static str,
    pub product: Option<&'static str>,
    pub end_of_servicing: Option<String>,
    /// Days from today to the last day of servicing (negative: ended that long ago).
    pub days_left: Option<i64>,
    pub source: Option<&'static str>,
}

/// Look `build` and `group` up, and say where `today` stands.
pub fn support(build: u32, group: Option<EditionGroup>, today: Date) -> Support {
    let found = group.and_then(|g| TABLE.iter().find(|r| r.build == build && r.group == g));
    let Some((r, end)) = found.and_then(|r| {
        let (y, m, d) = r.end;
        Date::new(y, m, d).ok().map(|end| (r, end))
    }) else {
        return Support {
            status: "unknown",
            product: None,
            end_of_servicing: None,
            days_left: None,
            source: None,
        };
    };
    let days_left = i64::from((end - today).get_days());
    Support {
        status: if today > end { "ended" } else { "supported" },
        product: Some(r.product),
        end_of_servicing: Some(end.to_string()),
        days_left: Some(days_left),
        source: Some(r.source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_end_date_is_a_patch_tuesday_and_every_row_is_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for r in TABLE {
            let (y, m, d) = r.end;
            let end = Date::new(y, m, d).unwrap();
            assert_eq!(
                end.weekday(),
                jiff::civil::Weekday::Tuesday,
                "{}",
                r.product
            );
            assert!((8..=14).contains(&d), "{}: second Tuesday", r.product);
            assert!(r.source.starts_with("https://learn.microsoft.com/"));
            assert!(
                seen.insert((r.build, format!("{:?}", r.group))),
                "{}",
                r.product
            );
        }
    }

    #[test]
    fn editions_are_read_from_language_free_fields() {
        use EditionGroup::*;
        assert_eq!(
            edition_group("Professional", "Client", Some(1)),
            Some(HomePro)
        );
        assert_eq!(edition_group("Core", "Client", Some(1)), Some(HomePro));
        assert_eq!(
            edition_group("Enterprise", "Client", Some(1)),
            Some(EnterpriseEducation)
        );
        assert_eq!(edition_group("EnterpriseS", "Client", Some(1)), Some(Ltsc));
        assert_eq!(
            edition_group("IoTEnterpriseS", "Client", None),
            Some(IotLtsc)
        );
        assert_eq!(
            edition_group("ServerStandard", "Server", Some(3)),
            Some(Server)
        );
        assert_eq!(edition_group("", "Server Core", None), Some(Server));
        assert_eq!(edition_group("", "", Some(2)), Some(Server));
        assert_eq!(edition_group("Cloud", "Client", Some(1)), None);
    }

    #[test]
    fn support_on_the_last_day_and_the_day_after() {
        let g = Some(EditionGroup::HomePro);
        let s = support(19045, g, date(2025, 10, 14));
        assert_eq!((s.status, s.days_left), ("supported", Some(0)));
        let s = support(19045, g, date(2025, 10, 15));
        assert_eq!((s.status, s.days_left), ("ended", Some(-1)));
        assert_eq!(s.product, Some("Windows 10 22H2"));
        // The same build as a server: another product, another date.
        let s = support(26100, Some(EditionGroup::Server), date(2026, 11, 30));
        assert_eq!(
            (s.status, s.product),
            ("supported", Some("Windows Server 2025"))
        );
        assert_eq!(support(99999, g, date(2026, 1, 1)).status, "unknown");
        assert_eq!(support(19045, None, date(2026, 1, 1)).status, "unknown");
    }
}
