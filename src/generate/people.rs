//! People and capital: founders' and mentors' names, investors,
//! mentors, events and investments.

use super::*;

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

/// A person's name and the parts an e-mail address is made of.
pub(super) struct Person {
    pub(super) name: String,
    pub(super) given: &'static str,
    pub(super) family: &'static str,
    pub(super) female: bool,
}

impl Person {
    /// A person called `name`, made of `given` and `family` (and maybe a
    /// middle name) in the order their language puts them.
    fn new(name: String, given: &'static str, family: &'static str, female: bool) -> Person {
        Person {
            name,
            given,
            family,
            female,
        }
    }
}

/// A Vietnamese name, family name first: "Nguyễn Thị Thu Hà".
pub(super) fn vietnamese_person(rng: &mut Prng) -> Person {
    let female = rng.random_bool(0.45);
    let family = weighted(rng, FAMILY_NAMES);
    let (middles, givens) = if female {
        (MIDDLE_NAMES_FEMALE, GIVEN_NAMES_FEMALE)
    } else {
        (MIDDLE_NAMES_MALE, GIVEN_NAMES_MALE)
    };
    let middle = *pick(rng, middles);
    let given = *pick(rng, givens);
    Person::new(format!("{family} {middle} {given}"), given, family, female)
}

/// An overseas expert who works in English: "David Nguyen", "Sarah Lim".
pub(super) fn overseas_person(rng: &mut Prng) -> Person {
    let female = rng.random_bool(0.45);
    let given = *pick(
        rng,
        if female {
            WESTERN_GIVEN_FEMALE
        } else {
            WESTERN_GIVEN_MALE
        },
    );
    let family = *pick(rng, OVERSEAS_FAMILY_NAMES);
    Person::new(format!("{given} {family}"), given, family, female)
}

pub(super) fn personal_email(rng: &mut Prng, person: &Person) -> String {
    format!(
        "{}.{}{}@{}",
        slugify(person.given).replace('-', ""),
        slugify(person.family).replace('-', ""),
        rng.random_range(1..100),
        pick(rng, &["gmail.com", "outlook.com", "yahoo.com.vn"])
    )
}

pub(super) fn linkedin(rng: &mut Prng, name: &str) -> String {
    format!(
        "https://www.linkedin.com/in/{}-{}",
        slugify(name),
        rng.random_range(100..1000)
    )
}

// ---------------------------------------------------------------------------
// Investors
// ---------------------------------------------------------------------------

/// What investments need to know about an investor.
pub(super) struct InvestorSummary {
    pub(super) key: String,
    /// Bit `p` set when the investor invests in province `p`; 0 = nationwide.
    pub(super) provinces: u64,
    pub(super) ticket: Option<(Money, Money)>,
}

/// The investors written, indexed by sector and stage.
pub(super) struct InvestorBook {
    pub(super) list: Vec<InvestorSummary>,
    /// `sector * STAGES + stage` → investors with both.
    pub(super) by_sector_stage: Vec<Vec<u32>>,
    /// `sector` → investors with it.
    pub(super) by_sector: Vec<Vec<u32>>,
}

pub(super) const STAGES: usize = 5;

impl InvestorBook {
    pub(super) fn new() -> Self {
        InvestorBook {
            list: Vec::new(),
            by_sector_stage: vec![Vec::new(); SECTORS.len() * STAGES],
            by_sector: vec![Vec::new(); SECTORS.len()],
        }
    }

    pub(super) fn add(&mut self, record: &InvestorRecord) {
        let index = self.list.len() as u32;
        for sector in record.sectors.iter().filter_map(|k| sector_index(k)) {
            self.by_sector[sector].push(index);
            for &stage in &record.stages {
                self.by_sector_stage[sector * STAGES + stage_index(stage)].push(index);
            }
        }
        let provinces = record
            .provinces
            .iter()
            .filter_map(|k| province_index(k))
            .fold(0, |mask, p| mask | 1 << p);
        let ticket = record.ticket_min.zip(record.ticket_max);
        self.list.push(InvestorSummary {
            key: record.key.clone(),
            provinces,
            ticket,
        });
    }

    /// An investor for `startup`'s `round`, not in `taken`: one sharing a
    /// sector and with `round` among its stages if possible, investing in
    /// the startup's province if possible.
    pub(super) fn choose(
        &self,
        rng: &mut Prng,
        startup: &StartupCore,
        round: Stage,
        taken: &[u32],
    ) -> Option<u32> {
        for with_stage in [true, false] {
            let mut fallback = None;
            for _ in 0..8 {
                let sector = *pick(rng, &startup.sectors);
                let candidates = if with_stage {
                    &self.by_sector_stage[sector * STAGES + stage_index(round)]
                } else {
                    &self.by_sector[sector]
                };
                if candidates.is_empty() {
                    continue;
                }
                let candidate = *pick(rng, candidates);
                if taken.contains(&candidate) {
                    continue;
                }
                let provinces = self.list[candidate as usize].provinces;
                if provinces == 0 || provinces & (1 << startup.province) != 0 {
                    return Some(candidate);
                }
                fallback.get_or_insert(candidate);
            }
            if fallback.is_some() {
                return fallback;
            }
        }
        None
    }

    /// An amount typical of `round`, within the investor's ticket range (at
    /// the end of the range nearest to typical when the two do not overlap).
    pub(super) fn amount(&self, rng: &mut Prng, investor: u32, round: Stage) -> Money {
        let (low, high) = TICKETS_VND[stage_index(round)];
        let Some((min, max)) = self.list[investor as usize].ticket else {
            return vnd(round2(rng.random_range(low..=high)));
        };
        let unit = match min.currency {
            Currency::Vnd => 1,
            Currency::Usd => USD_TO_VND,
        };
        let (low, high) = (low / unit, high / unit);
        let amount = if high < min.amount {
            min.amount
        } else if low > max.amount {
            max.amount
        } else {
            round2(rng.random_range(low.max(min.amount)..=high.min(max.amount)))
                .clamp(min.amount, max.amount)
        };
        Money {
            amount,
            currency: min.currency,
        }
    }
}

/// Typical ticket sizes per stage, in VND.
pub(super) const TICKETS_VND: [(i64, i64); 5] = [
    (100_000_000, 1_000_000_000),
    (300_000_000, 3_000_000_000),
    (1_000_000_000, 10_000_000_000),
    (10_000_000_000, 100_000_000_000),
    (50_000_000_000, 500_000_000_000),
];

impl World {
    pub(super) fn investors(&self, count: usize, out: &mut Emitter) -> io::Result<InvestorBook> {
        let mut rng = self.stream(STREAM_INVESTORS);
        let mut book = InvestorBook::new();
        for index in 0..count {
            let record = match PUBLIC_FUNDS.get(index) {
                Some(fund) => real_fund(fund),
                None => self.investor(&mut rng, index),
            };
            book.add(&record);
            out.emit(Record::Investor(record))?;
        }
        Ok(book)
    }

    pub(super) fn investor(&self, rng: &mut Prng, index: usize) -> InvestorRecord {
        use InvestorKind::*;
        let kind = weighted(
            rng,
            &[
                (Angel, 45),
                (VcFund, 30),
                (Corporate, 12),
                (Accelerator, 9),
                (PublicFund, 4),
            ],
        );
        let foreign = kind == VcFund && rng.random_bool(0.3);
        let province_count = if kind == PublicFund {
            1
        } else {
            weighted(rng, &[(0, 75), (1, 18), (2, 7)])
        };
        let mut provinces = Vec::with_capacity(province_count);
        while provinces.len() < province_count {
            let p = self.province(rng);
            if !provinces.contains(&p) {
                provinces.push(p);
            }
        }
        let home = match provinces.first() {
            Some(&p) => p,
            None => self.province(rng),
        };
        let sectors = self.sectors(rng, provinces.first().copied(), 4);
        let stages = investor_stages(rng, kind);
        let ticket = tickets(rng, kind, &stages, foreign);
        let named = investor_name(rng, kind, foreign, home);
        let website = match &named.host {
            Some(host) => rng.random_bool(0.85).then(|| format!("https://{host}")),
            None => rng.random_bool(0.15).then(|| linkedin(rng, &named.name)),
        };
        let email = match (&named.person, &named.host) {
            (Some(person), _) => rng.random_bool(0.35).then(|| personal_email(rng, person)),
            (None, Some(host)) => rng.random_bool(0.5).then(|| {
                format!(
                    "{}@{host}",
                    pick(rng, &["invest", "deals", "info", "contact"])
                )
            }),
            (None, None) => None,
        };
        let phone = rng.random_bool(0.25).then(|| {
            if named.person.is_some() {
                mobile(rng)
            } else {
                landline(rng, home)
            }
        });
        let active = rng.random_bool(0.9);
        let style = if foreign {
            weighted(rng, &[(Style::En, 70), (Style::Both, 30)])
        } else {
            Style::draw(rng)
        };
        let mut text = Text::new(rng, &named.name, &sectors, stages[0]);
        text.stages = &stages;
        text.ticket = ticket;
        text.provinces = &provinces;
        text.support = investor_support(kind);
        let mut sentences = vec![*pick(rng, THESIS_INTROS), *pick(rng, THESIS_FOCUS)];
        if ticket.is_some() {
            sentences.push(THESIS_TICKET);
        }
        if rng.random_bool(0.6) {
            sentences.push(THESIS_SUPPORT);
        }
        sentences.push(if provinces.is_empty() {
            THESIS_NATIONWIDE
        } else {
            THESIS_REGIONAL
        });
        let thesis = text.compose(&sentences, style);
        InvestorRecord {
            key: numbered_key(&named.name, index),
            name: named.name,
            kind,
            thesis,
            sectors: keys_of(&sectors),
            stages,
            ticket_min: ticket.map(|t| t.0),
            ticket_max: ticket.map(|t| t.1),
            provinces: provinces
                .iter()
                .map(|&p| PROVINCES[p].key.to_string())
                .collect(),
            active,
            website,
            email,
            phone,
        }
    }
}

/// A contiguous run of the stages `kind` typically invests in.
pub(super) fn investor_stages(rng: &mut Prng, kind: InvestorKind) -> Vec<Stage> {
    use Stage::*;
    let allowed: &[Stage] = match kind {
        InvestorKind::Angel | InvestorKind::PublicFund | InvestorKind::Accelerator => {
            &[Idea, Mvp, Seed]
        }
        InvestorKind::VcFund => &[Seed, SeriesA, Growth],
        InvestorKind::Corporate => &[Mvp, Seed, SeriesA, Growth],
    };
    let longest = if kind == InvestorKind::Accelerator {
        2
    } else {
        3
    };
    let len = weighted(rng, &[(1, 30), (2, 50), (3, 20)])
        .min(longest)
        .min(allowed.len());
    let start = rng.random_range(0..=allowed.len() - len);
    allowed[start..start + len].to_vec()
}

/// A ticket range that fits the stages (and the purse) of the investor.
pub(super) fn tickets(
    rng: &mut Prng,
    kind: InvestorKind,
    stages: &[Stage],
    foreign: bool,
) -> Option<(Money, Money)> {
    if kind == InvestorKind::Angel && rng.random_bool(0.1) {
        return None;
    }
    let first = stages.first().copied().unwrap_or(Stage::Seed);
    let last = stages.last().copied().unwrap_or(Stage::Seed);
    let low = TICKETS_VND[stage_index(first)].0 as f64;
    let high = TICKETS_VND[stage_index(last)].1 as f64;
    let (min_factor, max_factor): (f64, f64) = match kind {
        InvestorKind::Angel => (rng.random_range(0.5..1.0), rng.random_range(0.2..0.6)),
        InvestorKind::PublicFund => (rng.random_range(0.3..1.0), rng.random_range(0.2..0.5)),
        _ => (rng.random_range(0.8..2.0), rng.random_range(0.4..1.0)),
    };
    let min = round2((low * min_factor) as i64);
    let max = round2((high * max_factor) as i64).max(min);
    Some(if foreign {
        (usd_of(min), usd_of(max))
    } else {
        (vnd(min), vnd(max))
    })
}

/// An investor's name, and the web host or the person behind it.
pub(super) struct Named {
    pub(super) name: String,
    pub(super) host: Option<String>,
    pub(super) person: Option<Person>,
}

pub(super) fn investor_name(
    rng: &mut Prng,
    kind: InvestorKind,
    foreign: bool,
    home: usize,
) -> Named {
    let (templates, names): (&[(&str, &str)], &[&str]) = match kind {
        InvestorKind::Angel => {
            let person = vietnamese_person(rng);
            let name = match rng.random_range(0..20) {
                0..10 => person.name.clone(),
                10..17 => format!("{} (angel)", person.name),
                _ => format!("Nhà đầu tư thiên thần {}", person.name),
            };
            return Named {
                name,
                host: None,
                person: Some(person),
            };
        }
        InvestorKind::VcFund if foreign => (FOREIGN_VC_TEMPLATES, FOREIGN_VC_NAMES),
        InvestorKind::VcFund => (VC_TEMPLATES, VC_NAMES),
        InvestorKind::Corporate => (CORPORATE_TEMPLATES, CORPORATE_NAMES),
        InvestorKind::Accelerator => (ACCELERATOR_TEMPLATES, ACCELERATOR_NAMES),
        InvestorKind::PublicFund => (PUBLIC_FUND_TEMPLATES, &[""]),
    };
    let (name_template, host_template) = *pick(rng, templates);
    let x = *pick(rng, names);
    let label = domain_label(x, 20);
    let p = &PROVINCES[home];
    let formal = formal_name(p);
    let values = [
        ("x", x),
        ("cx", label.as_str()),
        ("province", formal.as_str()),
        ("pd", p.domain),
    ];
    Named {
        name: replace_tokens(name_template, &values),
        host: Some(replace_tokens(host_template, &values)),
        person: None,
    }
}

pub(super) fn investor_support(kind: InvestorKind) -> Pair {
    match kind {
        InvestorKind::Angel => (
            "cố vấn 1-1, giới thiệu khách hàng và kết nối mạng lưới nhà đầu tư thiên thần",
            "one-to-one mentoring, customer introductions and an angel network",
        ),
        InvestorKind::VcFund => (
            "tuyển dụng nhân sự chủ chốt, chiến lược tăng trưởng và chuẩn bị vòng gọi vốn tiếp theo",
            "help with hiring, growth strategy and the next round",
        ),
        InvestorKind::Corporate => (
            "tiếp cận kênh phân phối, khách hàng và cơ sở vật chất của tập đoàn",
            "access to the group's distribution channels, customers and facilities",
        ),
        InvestorKind::PublicFund => (
            "tài trợ, cho vay ưu đãi và hướng dẫn thủ tục theo quy định của Nhà nước",
            "grants, concessional loans and guidance through the procedures",
        ),
        InvestorKind::Accelerator => (
            "chương trình tăng tốc 3–6 tháng, chỗ làm việc và Demo Day với các quỹ đầu tư",
            "a 3–6 month acceleration programme, desk space and a demo day with funds",
        ),
    }
}

pub(super) fn real_fund(fund: &RealFund) -> InvestorRecord {
    InvestorRecord {
        key: fund.key.into(),
        name: fund.name.into(),
        kind: InvestorKind::PublicFund,
        thesis: fund.thesis.into(),
        sectors: fund.sectors.iter().map(|s| s.to_string()).collect(),
        stages: fund.stages.to_vec(),
        ticket_min: Some(vnd(fund.ticket.0)),
        ticket_max: Some(vnd(fund.ticket.1)),
        provinces: fund.provinces.iter().map(|p| p.to_string()).collect(),
        active: true,
        website: fund.website.map(Into::into),
        email: None,
        phone: None,
    }
}

// ---------------------------------------------------------------------------
// Mentors
// ---------------------------------------------------------------------------

/// The languages a mentor works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Speaks {
    Vi,
    ViEn,
    En,
}

impl World {
    pub(super) fn mentors(&self, count: usize, out: &mut Emitter) -> io::Result<()> {
        let mut rng = self.stream(STREAM_MENTORS);
        for index in 0..count {
            out.emit(Record::Mentor(self.mentor(&mut rng, index)))?;
        }
        Ok(())
    }

    pub(super) fn mentor(&self, rng: &mut Prng, index: usize) -> MentorRecord {
        let speaks = weighted(
            rng,
            &[(Speaks::Vi, 65), (Speaks::ViEn, 28), (Speaks::En, 7)],
        );
        let person = if speaks == Speaks::En {
            overseas_person(rng)
        } else {
            vietnamese_person(rng)
        };
        let province = rng.random_bool(0.95).then(|| self.province(rng));
        let sectors = self.sectors(rng, province, 3);
        let expertise_count = weighted(rng, &[(1, 25), (2, 35), (3, 25), (4, 15)]);
        let expertise: Vec<Topic> = distinct(rng, TOPICS.len(), expertise_count)
            .into_iter()
            .map(|i| TOPICS[i].topic)
            .collect();
        let capacity = weighted(
            rng,
            &[
                (1, 10),
                (2, 20),
                (3, 22),
                (4, 18),
                (5, 12),
                (6, 8),
                (7, 5),
                (8, 5),
            ],
        );
        let style = match speaks {
            Speaks::Vi if rng.random_bool(0.12) => Style::ViPlain,
            Speaks::Vi => Style::Vi,
            Speaks::ViEn if rng.random_bool(0.5) => Style::Both,
            Speaks::ViEn | Speaks::En => Style::En,
        };
        let topic = topic_info(expertise[0]);
        let background = rng.random_bool(0.5).then(|| *pick(rng, BACKGROUNDS));
        let headline = match background {
            Some(background) => (
                format!("{}, {}", topic.headline.0, background.0),
                format!("{}, {}", topic.headline.1, background.1),
            ),
            None => (topic.headline.0.to_string(), topic.headline.1.to_string()),
        };
        let headline = match style.single() {
            Style::Vi | Style::Both => headline.0,
            Style::En => headline.1,
            Style::ViPlain => deunicode::deunicode(&headline.0),
        };
        let mut text = Text::new(rng, &person.name, &sectors, Stage::Seed);
        text.topics = &expertise;
        text.province = province;
        text.female = person.female;
        text.extra = *pick(rng, JUDGED_EVENTS);
        text.numbers.n = rng.random_range(3..=60);
        let mut sentences = vec![*pick(rng, BIO_INTROS)];
        for (sentence, probability) in [
            (BIO_TOPICS, 0.8),
            (BIO_MENTORED, 0.6),
            (BIO_JUDGED, 0.4),
            (BIO_STYLE, 0.3),
        ] {
            if rng.random_bool(probability) {
                sentences.push(sentence);
            }
        }
        if sentences.len() < 2 {
            sentences.push(BIO_TOPICS);
        }
        let bio = text.compose(&sentences, style);
        let languages = match speaks {
            Speaks::Vi => vec!["vi".to_string()],
            Speaks::ViEn => vec!["vi".to_string(), "en".to_string()],
            Speaks::En => vec!["en".to_string()],
        };
        let website = rng.random_bool(0.25).then(|| linkedin(rng, &person.name));
        let email = rng.random_bool(0.5).then(|| personal_email(rng, &person));
        let phone = rng.random_bool(0.3).then(|| mobile(rng));
        MentorRecord {
            key: numbered_key(&person.name, index),
            name: person.name,
            headline,
            bio,
            expertise,
            sectors: keys_of(&sectors),
            languages,
            province: province.map(|p| PROVINCES[p].key.to_string()),
            capacity,
            website,
            email,
            phone,
        }
    }
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

pub(super) fn real_event(event: &RealEvent) -> EventRecord {
    let time = |text: &str| {
        DateTime::parse_from_rfc3339(text).expect("BUG: event times in the table are RFC 3339")
    };
    EventRecord {
        key: event.key.into(),
        title: event.title.into(),
        kind: event.kind,
        description: event.description.into(),
        starts_at: time(event.starts_at),
        ends_at: event.ends_at.map(time),
        province: Some(event.province.into()),
        organizer: Some(event.organizer.into()),
        sectors: event.sectors.iter().map(|s| s.to_string()).collect(),
        website: event.website.map(Into::into),
        scope: scope_of(event.title),
    }
}

impl World {
    pub(super) fn events(&self, count: usize, orgs: &Orgs, out: &mut Emitter) -> io::Result<()> {
        let mut rng = self.stream(STREAM_EVENTS);
        for index in 0..count {
            out.emit(Record::Event(self.event(&mut rng, index, orgs)))?;
        }
        Ok(())
    }

    /// Event `index`; the kinds take turns so that every kind occurs.
    pub(super) fn event(&self, rng: &mut Prng, index: usize, orgs: &Orgs) -> EventRecord {
        let kinds = EventKind::ALL;
        let kind = kinds[index % kinds.len()];
        let info = EVENT_KINDS
            .iter()
            .find(|info| info.kind == kind)
            .expect("BUG: every event kind has a row in EVENT_KINDS");
        let province = self.province(rng);
        let other = loop {
            let other = self.province(rng);
            if other != province {
                break other;
            }
        };
        let sectors = self.sectors(rng, Some(province), 2);
        let topic = topic_info(TOPICS[rng.random_range(0..TOPICS.len())].topic);
        let organizer = orgs.organizer(rng, province);
        let date = date_between(rng, ymd(2024, 1, 1), ymd(2027, 12, 31));
        let (starts_at, ends_at) = schedule(rng, kind, date);
        let year = date.year().to_string();
        let number = rng.random_range(1..=60).to_string();
        let sector = &SECTORS[sectors[0]];
        let p = &PROVINCES[province];
        let template = *pick(rng, info.titles);
        let title = replace_tokens(
            template,
            &[
                ("province", p.name),
                ("province_en", p.name_en),
                ("province2", PROVINCES[other].name),
                ("year", &year),
                ("n", &number),
                ("sector", sector.label.0),
                ("Sector", sector.name),
                ("sector_en", sector.name_en),
                ("topic", topic.label.0),
                ("Topic", &capitalized(topic.label.0)),
            ],
        );
        let key = numbered_key(&title, index);
        let website = organizer
            .website
            .as_ref()
            .filter(|_| rng.random_bool(0.5))
            .map(|site| format!("{}/su-kien/{key}", site.trim_end_matches('/')));
        let style = weighted(rng, &[(Style::Vi, 75), (Style::Both, 25)]);
        let mut text = Text::new(rng, &title, &sectors, Stage::Mvp);
        text.province = Some(province);
        text.party = &organizer.name;
        text.support = info.audience;
        let mut sentences = vec![EVENT_INTRO, info.content, EVENT_FOCUS];
        if rng.random_bool(0.5) {
            sentences.push(EVENT_REGISTER);
        }
        let description = text.compose(&sentences, style);
        EventRecord {
            key,
            title,
            kind,
            description,
            starts_at,
            ends_at: Some(ends_at),
            province: Some(p.key.into()),
            organizer: Some(organizer.key.clone()),
            sectors: keys_of(&sectors),
            website,
            scope: reach(kind, index),
        }
    }
}

/// When an event of `kind` starting on `date` starts and ends.
pub(super) fn schedule(
    rng: &mut Prng,
    kind: EventKind,
    date: NaiveDate,
) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let days = |rng: &mut Prng, low: u64, high: u64| date + Days::new(rng.random_range(low..=high));
    match kind {
        EventKind::Festival => (at(date, 8, 0), at(days(rng, 0, 1), 17, 0)),
        EventKind::Fair => (at(date, 8, 30), at(days(rng, 1, 2), 17, 0)),
        EventKind::Training => (at(date, 8, 0), at(days(rng, 0, 2), 16, 30)),
        EventKind::StudyTour => (at(date, 7, 0), at(days(rng, 2, 4), 18, 0)),
        EventKind::Competition | EventKind::Conference => {
            let hour = *pick(rng, &[8, 9]);
            (
                at(date, hour, 0),
                at(date, hour + rng.random_range(4..=8), 0),
            )
        }
        EventKind::Networking => {
            let hour = *pick(rng, &[15, 18]);
            (at(date, hour, 30), at(date, hour + 2, 30))
        }
        EventKind::Pitching | EventKind::Workshop => {
            let hour = *pick(rng, &[8, 9, 13, 14]);
            (at(date, hour, 0), at(date, hour + 3, 0))
        }
    }
}

// ---------------------------------------------------------------------------
// Investments
// ---------------------------------------------------------------------------

impl World {
    /// About one investment per five startups, in startup order: rounds up
    /// to the startup's stage, dated after its founding, each backed by one
    /// or two investors that share a sector with it.
    pub(super) fn investments(
        &self,
        startups: usize,
        book: &InvestorBook,
        out: &mut Emitter,
    ) -> io::Result<()> {
        if book.list.is_empty() {
            return Ok(());
        }
        let mut rng = self.stream(STREAM_INVESTMENTS);
        let rng = &mut rng;
        for index in 0..startups {
            let roll: f64 = rng.random();
            let (startup, _) = self.startup_core(index);
            let top = stage_index(startup.stage);
            if roll >= [0.02, 0.06, 0.2, 0.4, 0.55][top] {
                continue;
            }
            let earliest = startup.founded_on.unwrap_or(ymd(2025, 1, 1)) + Days::new(30);
            if earliest > last_date() {
                continue;
            }
            let top = if top > 0 && rng.random_bool(0.35) {
                top - 1
            } else {
                top
            };
            let rounds = match startup.stage {
                Stage::Seed => weighted(rng, &[(1, 80), (2, 20)]),
                Stage::SeriesA => weighted(rng, &[(1, 50), (2, 50)]),
                Stage::Growth => weighted(rng, &[(1, 30), (2, 40), (3, 30)]),
                _ => 1,
            }
            .min(top + 1);
            let mut dates: Vec<NaiveDate> = (0..rounds)
                .map(|_| date_between(rng, earliest, last_date()))
                .collect();
            dates.sort();
            for (r, date) in dates.into_iter().enumerate() {
                let round = Stage::ALL[top + 1 - rounds + r];
                let backers = weighted(rng, &[(1, 85), (2, 15)]);
                let mut taken: Vec<u32> = Vec::with_capacity(backers);
                for _ in 0..backers {
                    let Some(investor) = book.choose(rng, &startup, round, &taken) else {
                        break;
                    };
                    taken.push(investor);
                    let amount = book.amount(rng, investor, round);
                    out.emit(Record::Investment(InvestmentRecord {
                        investor: book.list[investor as usize].key.clone(),
                        startup: startup.key.clone(),
                        amount,
                        round,
                        date,
                        // About one round in eight is confidential, without
                        // drawing from the generator (the rest stays as it was).
                        confidential: (investor + date.ordinal()) % 8 == 0,
                    }))?;
                }
            }
        }
        Ok(())
    }
}

/// How far a real event reaches, by its name.
fn scope_of(title: &str) -> crate::model::EventScope {
    use crate::model::EventScope;
    let folded = title.to_lowercase();
    if folded.contains("mekong") || folded.contains("vùng") {
        EventScope::Regional
    } else if folded.contains("quốc gia")
        || folded.contains("việt nam")
        || folded.contains("vietnam")
    {
        EventScope::National
    } else if folded.contains("whise") || folded.contains("quốc tế") {
        EventScope::International
    } else {
        EventScope::Local
    }
}

/// How far generated event `index` of `kind` reaches: festivals, fairs and
/// competitions often draw a region or the country; the rest stay local.
fn reach(kind: EventKind, index: usize) -> crate::model::EventScope {
    use crate::model::EventScope;
    match kind {
        EventKind::Festival | EventKind::Fair | EventKind::Competition => match index % 6 {
            0 => EventScope::National,
            1 | 2 => EventScope::Regional,
            _ => EventScope::Local,
        },
        _ if index % 10 == 3 => EventScope::Regional,
        _ => EventScope::Local,
    }
}
