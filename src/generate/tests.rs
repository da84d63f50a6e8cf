use std::collections::{HashMap, HashSet};

use super::*;
use crate::datafile::parse_line;
use crate::model::is_slug;

fn options(startups: usize, investors: usize, mentors: usize, seed: u64) -> GenerateOptions {
    GenerateOptions {
        startups,
        investors,
        mentors,
        seed,
    }
}

fn output(options: &GenerateOptions) -> (String, Counts) {
    let mut bytes = Vec::new();
    let counts = generate(options, &mut bytes).expect("writing to memory");
    (String::from_utf8(bytes).expect("UTF-8 output"), counts)
}

fn records(options: &GenerateOptions) -> Vec<Record> {
    let (text, _) = output(options);
    text.lines()
        .map(|line| parse_line(line).unwrap_or_else(|e| panic!("{e:?}: {line}")))
        .collect()
}

/// What the checks remember about earlier records.
#[derive(Default)]
struct Seen {
    keys: HashMap<&'static str, HashSet<String>>,
    startups: HashMap<String, StartupRecord>,
    investors: HashMap<String, InvestorRecord>,
    investments: HashSet<(String, String, Stage, NaiveDate)>,
}

impl Seen {
    fn has(&self, type_name: &str, key: &str) -> bool {
        self.keys
            .get(type_name)
            .is_some_and(|keys| keys.contains(key))
    }

    fn add(&mut self, type_name: &'static str, key: &str) {
        assert!(is_slug(key), "{type_name} key `{key}` is not a slug");
        let fresh = self
            .keys
            .entry(type_name)
            .or_default()
            .insert(key.to_string());
        assert!(fresh, "duplicate {type_name} key `{key}`");
    }

    fn sectors(&self, sectors: &[String]) {
        for sector in sectors {
            assert!(self.has("sector", sector), "unknown sector `{sector}`");
        }
    }

    fn province(&self, province: &Option<String>) {
        if let Some(p) = province {
            assert!(self.has("province", p), "unknown province `{p}`");
        }
    }
}

/// Checks references, keys and the consistency rules of the brief.
fn check(records: &[Record]) -> Seen {
    let mut seen = Seen::default();
    let mut last_type = 0;
    for record in records {
        let order = Record::TYPES
            .iter()
            .position(|t| *t == record.type_name())
            .expect("a known type");
        assert!(order >= last_type, "{} out of order", record.type_name());
        last_type = order;
        match record {
            Record::Sector(s) => seen.add("sector", &s.key),
            Record::Province(p) => seen.add("province", &p.key),
            Record::Organization(o) => {
                seen.province(&o.province);
                assert!(!o.description.is_empty());
                if let Some(site) = &o.website {
                    assert!(site.starts_with("https://"), "{site}");
                }
                seen.add("organization", &o.key);
            }
            Record::Startup(s) => {
                seen.sectors(&s.sectors);
                seen.province(&s.province);
                if let Some(org) = &s.organization {
                    assert!(
                        seen.has("organization", org),
                        "unknown organization `{org}`"
                    );
                }
                assert!((1..=3).contains(&s.sectors.len()));
                assert!((1..=4).contains(&s.needs.len()));
                assert!(s.team_size.is_some_and(|t| t >= 1));
                assert!(s.founded_on.is_none_or(|d| d <= last_date()));
                if s.founded_on.is_none() {
                    assert_eq!(s.stage, Stage::Idea, "only ideas lack a founding date");
                }
                assert!(!s.tagline.is_empty() && !s.description.is_empty());
                seen.add("startup", &s.key);
                seen.startups.insert(s.key.clone(), s.clone());
            }
            Record::Investor(i) => {
                seen.sectors(&i.sectors);
                for p in &i.provinces {
                    assert!(seen.has("province", p), "unknown province `{p}`");
                }
                assert!((1..=4).contains(&i.sectors.len()));
                assert!(!i.stages.is_empty());
                assert_eq!(i.ticket_min.is_some(), i.ticket_max.is_some());
                if let (Some(min), Some(max)) = (i.ticket_min, i.ticket_max) {
                    assert_eq!(min.currency, max.currency);
                    assert!(min.amount > 0 && min.amount <= max.amount, "{}", i.key);
                }
                seen.add("investor", &i.key);
                seen.investors.insert(i.key.clone(), i.clone());
            }
            Record::Mentor(m) => {
                seen.sectors(&m.sectors);
                seen.province(&m.province);
                assert!((1..=8).contains(&m.capacity));
                assert!((1..=4).contains(&m.expertise.len()));
                assert!((1..=3).contains(&m.sectors.len()));
                assert!(!m.languages.is_empty());
                seen.add("mentor", &m.key);
            }
            Record::Event(e) => {
                seen.sectors(&e.sectors);
                seen.province(&e.province);
                let organizer = e.organizer.as_deref().expect("events have organizers");
                assert!(
                    seen.has("organization", organizer),
                    "unknown organizer `{organizer}`"
                );
                assert_eq!(e.starts_at.offset().local_minus_utc(), 7 * 3600);
                // Generated events run 2024–2027; the plans' history from 2021.
                assert!((2021..=2027).contains(&e.starts_at.year()), "{}", e.key);
                assert!(e.ends_at.is_some_and(|end| end > e.starts_at), "{}", e.key);
                seen.add("event", &e.key);
            }
            Record::Investment(i) => {
                let startup = seen
                    .startups
                    .get(&i.startup)
                    .unwrap_or_else(|| panic!("unknown startup `{}`", i.startup));
                let investor = seen
                    .investors
                    .get(&i.investor)
                    .unwrap_or_else(|| panic!("unknown investor `{}`", i.investor));
                assert!(i.round <= startup.stage, "round after the startup's stage");
                assert!(
                    startup.founded_on.is_none_or(|f| i.date > f),
                    "invested before founding"
                );
                assert!(i.date <= last_date());
                assert!(startup.sectors.iter().any(|s| investor.sectors.contains(s)));
                if let (Some(min), Some(max)) = (investor.ticket_min, investor.ticket_max) {
                    assert_eq!(i.amount.currency, min.currency);
                    assert!((min.amount..=max.amount).contains(&i.amount.amount));
                }
                let fresh = seen.investments.insert((
                    i.investor.clone(),
                    i.startup.clone(),
                    i.round,
                    i.date,
                ));
                assert!(fresh, "duplicate investment {i:?}");
            }
            Record::Programme(p) => {
                seen.sectors(&p.sectors);
                seen.province(&p.province);
                if let Some(org) = &p.organization {
                    assert!(
                        seen.has("organization", org),
                        "unknown organization `{org}`"
                    );
                }
                seen.add("programme", &p.key);
            }
            Record::Call(c) => {
                seen.sectors(&c.sectors);
                for p in &c.provinces {
                    assert!(seen.has("province", p), "unknown province `{p}`");
                }
                assert!(
                    seen.has("programme", &c.programme),
                    "unknown programme `{}`",
                    c.programme
                );
                assert!(c.opens_at < c.closes_at, "{}", c.key);
                seen.add("call", &c.key);
            }
            Record::Application(a) => {
                assert!(seen.has("call", &a.call), "unknown call `{}`", a.call);
                assert!(
                    seen.has("startup", &a.startup),
                    "unknown startup `{}`",
                    a.startup
                );
            }
            Record::Class(c) => {
                assert!(
                    seen.has("programme", &c.programme),
                    "unknown programme `{}`",
                    c.programme
                );
                seen.add("class", &c.key);
            }
            Record::Attendance(a) => {
                assert!(seen.has("class", &a.class), "unknown class `{}`", a.class);
            }
            Record::Support(r) => {
                if let Some(startup) = &r.startup {
                    assert!(seen.has("startup", startup), "unknown startup `{startup}`");
                }
                if let Some(programme) = &r.programme {
                    assert!(
                        seen.has("programme", programme),
                        "unknown programme `{programme}`"
                    );
                }
                seen.add("support", &r.key);
            }
            Record::Plan(p) => {
                if let Some(province) = &p.province {
                    assert!(
                        seen.has("province", province),
                        "unknown province `{province}`"
                    );
                }
                seen.add("plan", &p.key);
            }
        }
    }
    seen
}

#[test]
fn same_seed_same_output_other_seed_other_output() {
    let a = output(&options(300, 40, 50, 7));
    let b = output(&options(300, 40, 50, 7));
    let c = output(&options(300, 40, 50, 8));
    assert_eq!(a, b);
    assert_ne!(a.0, c.0);
    assert_eq!(demo_records(), demo_records());
}

#[test]
fn every_line_parses_and_every_reference_points_back() {
    let records = records(&options(2_000, 150, 200, 42));
    let seen = check(&records);
    // Every kind of organisation and of event appears.
    let mut organization_kinds = HashSet::new();
    let mut event_kinds = HashSet::new();
    for record in &records {
        match record {
            Record::Organization(o) => {
                organization_kinds.insert(o.kind);
            }
            Record::Event(e) => {
                event_kinds.insert(e.kind);
            }
            _ => {}
        }
    }
    assert_eq!(
        organization_kinds.len(),
        OrganizationKind::ALL.len(),
        "{organization_kinds:?}"
    );
    assert_eq!(event_kinds.len(), EventKind::ALL.len(), "{event_kinds:?}");
    let investments = seen.investments.len();
    assert!(
        (200..=700).contains(&investments),
        "{investments} investments"
    );
}

#[test]
fn counts_match_options_and_lines() {
    let opts = options(1_234, 77, 99, 1);
    let (text, counts) = output(&opts);
    let names: Vec<&str> = counts.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, Record::TYPES);
    let count = |name: &str| counts.iter().find(|(n, _)| *n == name).map(|c| c.1);
    assert_eq!(count("startup"), Some(1_234));
    assert_eq!(count("investor"), Some(77));
    assert_eq!(count("mentor"), Some(99));
    assert_eq!(count("sector"), Some(SECTORS.len()));
    assert_eq!(count("province"), Some(PROVINCES.len()));
    assert_eq!(count("event"), Some(REAL_EVENTS.len() + 1));
    assert_eq!(
        counts.iter().map(|c| c.1).sum::<usize>(),
        text.lines().count()
    );
    for (name, n) in &counts {
        let prefix = format!("{{\"type\":\"{name}\"");
        assert_eq!(text.lines().filter(|l| l.starts_with(&prefix)).count(), *n);
    }

    let (_, empty) = output(&options(0, 0, 0, 1));
    assert_eq!(
        empty.iter().find(|c| c.0 == "investment").map(|c| c.1),
        Some(0)
    );
}

#[test]
fn money_and_dates_are_consistent() {
    let records = records(&options(1_500, 120, 10, 3));
    let mut founded = 0;
    for record in &records {
        match record {
            Record::Investor(i) => {
                if let (Some(min), Some(max)) = (i.ticket_min, i.ticket_max) {
                    assert!(min.in_vnd() <= max.in_vnd());
                }
            }
            Record::Startup(s) => {
                if let Some(date) = s.founded_on {
                    assert!(date >= ymd(2012, 1, 1) && date <= last_date());
                    founded += 1;
                }
                if let Some(money) = s.seeking {
                    assert!(money.amount > 0);
                }
            }
            _ => {}
        }
    }
    assert!(founded > 700, "most startups are registered ({founded})");
}

/// Regression: descriptions said "we are looking for VND 1.9 billion",
/// so anonymous search highlights showed the hidden `seekingAmount`.
#[test]
fn public_texts_never_state_the_amount_sought() {
    let mut records = demo_records();
    let options = GenerateOptions {
        startups: 3000,
        investors: 10,
        mentors: 10,
        seed: 7,
    };
    let mut out = Vec::new();
    generate(&options, &mut out).expect("generates");
    for line in String::from_utf8(out).expect("UTF-8").lines() {
        records.push(crate::datafile::parse_line(line).expect("parses"));
    }
    let mut seeking = 0;
    for record in &records {
        let Record::Startup(s) = record else { continue };
        let Some(money) = s.seeking else { continue };
        seeking += 1;
        let public = format!("{} {}", s.tagline, s.description);
        for lang in [Lang::Vi, Lang::En] {
            let amount = money_text(money, lang);
            assert!(!public.contains(&amount), "{}: {amount} in {public}", s.key);
        }
    }
    assert!(seeking > 1000, "{seeking} startups seek an amount");
}

#[test]
fn sink_errors_stop_the_generation() {
    let mut seen = 0;
    let result = for_each_record(&options(100, 10, 10, 1), &mut |_| {
        seen += 1;
        if seen == 30 {
            Err(io::Error::other("disk full"))
        } else {
            Ok(())
        }
    });
    assert_eq!(
        result.expect_err("the sink failed").to_string(),
        "disk full"
    );
    assert_eq!(seen, 30);
}

#[test]
fn demo_records_are_the_real_world_set() {
    let records = demo_records();
    let seen = check(&records);
    let count = |t: &str| records.iter().filter(|r| r.type_name() == t).count();
    assert!(count("startup") >= 150);
    assert!(count("investor") >= 40);
    assert!(count("mentor") >= 60);
    assert!(
        count("investment") >= 15,
        "{} investments",
        count("investment")
    );
    assert_eq!(count("organization"), REAL_ORGANIZATIONS.len());
    for province in ["hai-phong", "hung-yen", "ho-chi-minh", "can-tho"] {
        assert!(seen.has("province", province));
        let here = records
            .iter()
            .filter(|r| matches!(r, Record::Startup(s) if s.province.as_deref() == Some(province)))
            .count();
        assert!(here >= 5, "only {here} startups in {province}");
    }
    assert!(records.iter().any(
        |r| matches!(r, Record::Event(e) if e.title.contains("Techfest Hải Phòng 2025")
            && e.starts_at.to_rfc3339() == "2025-11-20T08:00:00+07:00")
    ));
    for key in [
        "sihub",
        "castihub",
        "natec",
        "dost-hung-yen",
        "utehy-startup-centre",
    ] {
        assert!(seen.has("organization", key), "{key}");
    }
    // The plans' programmes, with applications in every status, classes
    // and attendance.
    for key in [
        "mekong-startup-runway-2026",
        "uom-tao-khoi-nghiep-hai-phong-2026",
        "trai-nghiem-goi-von-sihub-2026",
        "dao-tao-khoi-nghiep-co-ban-can-tho-2026",
        "tap-huan-khoi-nghiep-hung-yen-2026",
    ] {
        assert!(seen.has("programme", key), "{key}");
    }
    let statuses: HashSet<_> = (records.iter())
        .filter_map(|r| match r {
            Record::Application(a) => Some(a.status),
            _ => None,
        })
        .collect();
    assert_eq!(
        statuses.len(),
        crate::model::ApplicationStatus::ALL.len(),
        "{statuses:?}"
    );
    assert!(
        count("class") >= 5 && count("attendance") >= 40,
        "{}",
        count("attendance")
    );
    assert!(count("support") >= 3);
}

#[test]
fn descriptions_mix_languages() {
    let records = records(&options(1_000, 100, 100, 11));
    let descriptions: Vec<&str> = records
        .iter()
        .filter_map(|r| match r {
            Record::Startup(s) => Some(s.description.as_str()),
            _ => None,
        })
        .collect();
    let marked = |d: &str| {
        d.chars()
            .any(|c| "ạảấầẩậắằặẹẻếềểệịọỏốồổộớờởợụủứừửựđư".contains(c))
    };
    let plain = |d: &str| {
        d.is_ascii()
            && [
                "khoi nghiep",
                "nong nghiep",
                "giai phap",
                "khach hang",
                "du an",
                "doanh nghiep",
            ]
            .iter()
            .any(|w| d.to_lowercase().contains(w))
    };
    let english = |d: &str| {
        !d.contains("\n\n")
            && [
                " builds ",
                " offers ",
                " works in ",
                "Founded in ",
                " is an innovative startup ",
            ]
            .iter()
            .any(|w| d.contains(w))
    };
    let share = |f: &dyn Fn(&str) -> bool| {
        descriptions.iter().filter(|d| f(d)).count() * 100 / descriptions.len()
    };
    assert!(
        share(&marked) >= 40,
        "Vietnamese with diacritics: {}%",
        share(&marked)
    );
    assert!(
        (4..=20).contains(&share(&plain)),
        "without diacritics: {}%",
        share(&plain)
    );
    assert!(
        (15..=45).contains(&share(&english)),
        "English: {}%",
        share(&english)
    );
    assert!(descriptions.iter().any(|d| d.contains("\n\n")), "bilingual");
    assert!(
        descriptions
            .iter()
            .any(|d| d.contains("nông nghiệp") || d.contains("thanh toán"))
    );
    let sentences = |d: &str| d.matches(". ").count() + 1;
    assert!(
        descriptions
            .iter()
            .filter(|d| !d.contains("\n\n"))
            .all(|d| (2..=5).contains(&sentences(d)))
    );
}

#[test]
fn tables_are_consistent() {
    for (i, info) in TOPICS.iter().enumerate() {
        assert_eq!(info.topic, Topic::ALL[i]);
    }
    for (i, info) in EVENT_KINDS.iter().enumerate() {
        assert_eq!(info.kind, EventKind::ALL[i]);
    }
    assert!(SECTORS.len() >= 14);
    for sector in SECTORS {
        assert!(is_slug(sector.key));
        let phrases = sector.products.len()
            + sector.problems.len()
            + sector.customers.len()
            + sector.benefits.len();
        assert!(phrases >= 10, "{} has {phrases} phrases", sector.key);
        assert!(sector.products.len() >= 2 && sector.customers.len() >= 2);
    }
    let real_keys = REAL_ORGANIZATIONS
        .iter()
        .map(|o| o.key)
        .chain(REAL_EVENTS.iter().map(|e| e.key))
        .chain(PUBLIC_FUNDS.iter().map(|f| f.key));
    for key in real_keys {
        assert!(is_slug(key), "{key}");
        let last = key.rsplit('-').next().unwrap_or_default();
        assert!(
            !(last.len() >= 6 && last.bytes().all(|b| b.is_ascii_digit())),
            "{key} looks like a generated key"
        );
    }
    // Every template renders in both languages with every slot known.
    let mut rng = entity_rng(0, 0, 0);
    let sectors = [0, 1];
    let mut text = Text::new(&mut rng, "X", &sectors, Stage::Seed);
    text.stages = &[Stage::Seed, Stage::SeriesA];
    text.topics = &[Topic::Legal, Topic::Tax];
    text.provinces = &[0, 3];
    text.ticket = Some((vnd(1_000_000_000), vnd(2_500_000_000)));
    let mut all: Vec<Pair> = [
        TAGLINES,
        STARTUP_INTROS,
        STARTUP_PROBLEMS,
        STARTUP_SOLUTIONS,
        STARTUP_ASKS,
        THESIS_INTROS,
        THESIS_FOCUS,
        BIO_INTROS,
    ]
    .concat();
    all.extend(TRACTION.iter().flat_map(|t| t.iter().copied()));
    all.extend([
        THESIS_TICKET,
        THESIS_SUPPORT,
        THESIS_NATIONWIDE,
        THESIS_REGIONAL,
        BIO_TOPICS,
        BIO_MENTORED,
        BIO_JUDGED,
        BIO_STYLE,
        ORG_INTRO,
        ORG_SERVICES,
        ORG_SCALE,
        EVENT_INTRO,
        EVENT_FOCUS,
        EVENT_REGISTER,
    ]);
    all.extend(EVENT_KINDS.iter().map(|k| k.content));
    for sector in SECTORS {
        all.extend(sector.benefits.iter().copied());
    }
    for template in all {
        for lang in [Lang::Vi, Lang::En] {
            let rendered = text.paragraph(&[template], lang);
            assert!(
                !rendered.contains('{') && !rendered.contains('}'),
                "{rendered}"
            );
        }
    }
}

#[test]
fn text_helpers() {
    assert_eq!(round2(2_345_000_000), 2_300_000_000);
    assert_eq!(round2(99), 99);
    assert_eq!(grouped(1_234_567, Lang::Vi), "1.234.567");
    assert_eq!(grouped(1_234_567, Lang::En), "1,234,567");
    assert_eq!(money_text(vnd(2_500_000_000), Lang::Vi), "2,5 tỷ đồng");
    assert_eq!(money_text(vnd(2_500_000_000), Lang::En), "VND 2.5 billion");
    assert_eq!(money_text(vnd(300_000_000), Lang::Vi), "300 triệu đồng");
    assert_eq!(money_text(usd_of(5_000_000_000), Lang::En), "USD 200,000");
    assert_eq!(numbered_key("Lúa Sense", 12), "lua-sense-000012");
    assert!(numbered_key(&"Đà Nẵng ".repeat(30), 1_234_567).len() <= MAX_SLUG_LEN);
    let mut rng = entity_rng(1, 2, 3);
    for _ in 0..100 {
        let phone = landline(&mut rng, 3);
        assert!(
            phone.starts_with("+84 292 ") || phone.starts_with("0292 "),
            "{phone}"
        );
        let phone = mobile(&mut rng);
        assert_eq!(
            phone.chars().filter(char::is_ascii_digit).count(),
            if phone.starts_with('+') { 11 } else { 10 }
        );
    }
}
