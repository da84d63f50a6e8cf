//! Organisations and startups: the hosts of the plans and the startups
//! they support.

use super::*;

// ---------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------

/// What the generators need to know about an organisation already written.
pub(super) struct OrgRef {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) website: Option<String>,
}

/// The organisations written so far, indexed by province.
pub(super) struct Orgs {
    pub(super) list: Vec<OrgRef>,
    /// Per province: every organisation there.
    pub(super) by_province: Vec<Vec<usize>>,
    /// Per province: organisations that incubate or host startups.
    pub(super) hosts: Vec<Vec<usize>>,
    /// Per province: university centres and startup clubs (for students).
    pub(super) campus: Vec<Vec<usize>>,
}

impl Orgs {
    pub(super) fn new() -> Self {
        Orgs {
            list: Vec::new(),
            by_province: vec![Vec::new(); PROVINCES.len()],
            hosts: vec![Vec::new(); PROVINCES.len()],
            campus: vec![Vec::new(); PROVINCES.len()],
        }
    }

    /// Writes `record` and remembers it.
    pub(super) fn add(&mut self, record: OrganizationRecord, out: &mut Emitter) -> io::Result<()> {
        let index = self.list.len();
        if let Some(p) = record.province.as_deref().and_then(province_index) {
            self.by_province[p].push(index);
            if record.kind != OrganizationKind::GovernmentAgency {
                self.hosts[p].push(index);
            }
            if matches!(
                record.kind,
                OrganizationKind::UniversityCenter | OrganizationKind::StartupClub
            ) {
                self.campus[p].push(index);
            }
        }
        self.list.push(OrgRef {
            key: record.key.clone(),
            name: record.name.clone(),
            website: record.website.clone(),
        });
        out.emit(Record::Organization(record))
    }

    /// The organisation a startup in `province` belongs to, if any.
    pub(super) fn host_for(
        &self,
        rng: &mut Prng,
        province: usize,
        stage: Stage,
        student: bool,
    ) -> Option<String> {
        let hosts = self.hosts.get(province).filter(|hosts| !hosts.is_empty())?;
        if !rng.random_bool([0.45, 0.4, 0.3, 0.15, 0.08][stage_index(stage)]) {
            return None;
        }
        let campus = &self.campus[province];
        let index = if student && !campus.is_empty() {
            *pick(rng, campus)
        } else {
            *pick(rng, hosts)
        };
        Some(self.list[index].key.clone())
    }

    /// An organiser for an event in `province` (any organisation if none is there).
    pub(super) fn organizer(&self, rng: &mut Prng, province: usize) -> &OrgRef {
        match self.by_province.get(province).filter(|o| !o.is_empty()) {
            Some(local) => &self.list[*pick(rng, local)],
            None => pick(rng, &self.list),
        }
    }
}

pub(super) fn province_index(key: &str) -> Option<usize> {
    PROVINCES.iter().position(|p| p.key == key)
}

pub(super) fn sector_index(key: &str) -> Option<usize> {
    SECTORS.iter().position(|s| s.key == key)
}

/// "thành phố Cần Thơ", "tỉnh Hưng Yên", "Thành phố Hồ Chí Minh".
pub(super) fn formal_name(province: &ProvinceInfo) -> String {
    if province.name.starts_with("Thành phố") {
        province.name.to_string()
    } else if province.city {
        format!("thành phố {}", province.name)
    } else {
        format!("tỉnh {}", province.name)
    }
}

pub(super) fn real_organization(org: &RealOrg) -> OrganizationRecord {
    OrganizationRecord {
        key: org.key.into(),
        name: org.name.into(),
        kind: org.kind,
        province: Some(org.province.into()),
        description: org.description.into(),
        website: org.website.map(Into::into),
        email: None,
        phone: None,
        established_on: None,
    }
}

/// The Department of Science and Technology of `province`.
pub(super) fn dost_of(province: usize) -> OrganizationRecord {
    let p = &PROVINCES[province];
    let formal = formal_name(p);
    OrganizationRecord {
        key: format!("dost-{}", p.key),
        name: format!("Sở Khoa học và Công nghệ {formal}"),
        kind: OrganizationKind::GovernmentAgency,
        province: Some(p.key.into()),
        description: format!(
            "Cơ quan chuyên môn của Ủy ban nhân dân {formal} về khoa học, công nghệ và đổi mới \
             sáng tạo; đầu mối triển khai Đề án 844 hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng \
             tạo tại địa phương. The Department of Science and Technology (DOST) of {}.",
            p.name_en
        ),
        website: Some(format!("https://skhcn.{}.gov.vn", p.domain)),
        email: None,
        phone: None,
        established_on: None,
    }
}

impl World {
    pub(super) fn organizations(
        &self,
        count: usize,
        orgs: &mut Orgs,
        out: &mut Emitter,
    ) -> io::Result<()> {
        let mut rng = self.stream(STREAM_ORGANIZATIONS);
        for index in 0..count {
            orgs.add(self.organization(&mut rng, index), out)?;
        }
        Ok(())
    }

    pub(super) fn organization(&self, rng: &mut Prng, index: usize) -> OrganizationRecord {
        let info = &ORG_KINDS[draw_index(rng, ORG_KINDS.iter().map(|k| k.weight))];
        let province = self.province(rng);
        let p = &PROVINCES[province];
        let (name_template, host_template) = *pick(rng, info.names);
        let brand = *pick(rng, ORG_BRANDS);
        let (group, group_label) = *pick(rng, CLUB_GROUPS);
        let (field, field_label) = *pick(rng, UNIVERSITY_FIELDS);
        let brand_label = domain_label(brand, 20);
        let values = [
            ("brand", brand),
            ("province", p.name),
            ("province_en", p.name_en),
            ("group", group),
            ("group_d", group_label),
            ("field", field),
            ("field_d", field_label),
            ("b", brand_label.as_str()),
            ("pd", p.domain),
        ];
        let name = replace_tokens(name_template, &values);
        let host = replace_tokens(host_template, &values);
        // A host without a dot is a club's social page and mailbox.
        let social = !host.contains('.');
        let website = rng.random_bool(0.85).then(|| {
            if social {
                format!("https://www.facebook.com/{host}")
            } else {
                format!("https://{host}")
            }
        });
        let email = rng.random_bool(0.45).then(|| {
            if social {
                format!("{host}@gmail.com")
            } else {
                format!(
                    "{}@{host}",
                    pick(rng, &["info", "lienhe", "hotro", "contact"])
                )
            }
        });
        let phone = rng.random_bool(0.4).then(|| landline(rng, province));
        let sectors = self.sectors(rng, Some(province), 3);
        let mut text = Text::new(rng, &name, &sectors, Stage::Seed);
        text.province = Some(province);
        text.support = info.services;
        text.extra = info.label;
        let mut sentences = vec![ORG_INTRO, ORG_SERVICES];
        if rng.random_bool(0.5) {
            sentences.push(ORG_SCALE);
        }
        let style = weighted(rng, &[(Style::Vi, 70), (Style::Both, 20), (Style::En, 10)]);
        let description = text.compose(&sentences, style);
        OrganizationRecord {
            key: numbered_key(&name, index),
            name,
            kind: info.kind,
            province: Some(p.key.into()),
            description,
            website,
            email,
            phone,
            established_on: Some(founded(index)),
        }
    }
}

// ---------------------------------------------------------------------------
// Startups
// ---------------------------------------------------------------------------

/// What investments need to know about a startup; drawn first from the
/// startup's own generator, so it can be drawn again without the rest.
pub(super) struct StartupCore {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) sectors: Vec<usize>,
    pub(super) stage: Stage,
    pub(super) province: usize,
    pub(super) founded_on: Option<NaiveDate>,
}

/// How common each stage is: ideas and MVPs are many, growth companies few.
pub(super) const STAGE_WEIGHTS: &[(Stage, u32)] = &[
    (Stage::Idea, 34),
    (Stage::Mvp, 32),
    (Stage::Seed, 21),
    (Stage::SeriesA, 10),
    (Stage::Growth, 3),
];

impl World {
    pub(super) fn startups(&self, count: usize, orgs: &Orgs, out: &mut Emitter) -> io::Result<()> {
        for index in 0..count {
            out.emit(Record::Startup(self.startup(index, orgs)))?;
        }
        Ok(())
    }

    pub(super) fn startup_core(&self, index: usize) -> (StartupCore, Prng) {
        let mut rng = entity_rng(self.seed, STREAM_STARTUPS, index as u64);
        let province = self.province(&mut rng);
        let sectors = self.sectors(&mut rng, Some(province), 3);
        let stage = weighted(&mut rng, STAGE_WEIGHTS);
        let founded_on = founding_date(&mut rng, stage);
        let name = startup_name(&mut rng, sectors[0]);
        let core = StartupCore {
            key: numbered_key(&name, index),
            name,
            sectors,
            stage,
            province,
            founded_on,
        };
        (core, rng)
    }

    pub(super) fn startup(&self, index: usize, orgs: &Orgs) -> StartupRecord {
        let (core, mut rng) = self.startup_core(index);
        let rng = &mut rng;
        let stage = core.stage;
        let s = stage_index(stage);
        let (low, high) = [(1, 5), (2, 10), (4, 25), (15, 80), (50, 400)][s];
        let team_size = rng.random_range(low..=high);
        let tags = startup_tags(rng, &core);
        let needs = startup_needs(rng, stage);
        let seeking = seeking(rng, stage);
        let organization = orgs.host_for(
            rng,
            core.province,
            stage,
            tags.contains(&StartupTag::Student),
        );
        let domain = startup_domain(rng, &core);
        let website = rng.random_bool([0.35, 0.7, 0.92, 0.95, 0.98][s]).then(|| {
            let www = if rng.random_bool(0.3) { "www." } else { "" };
            format!("https://{www}{domain}")
        });
        let email = if website.is_some() {
            rng.random_bool(0.45).then(|| {
                let local = pick(
                    rng,
                    &["hello", "contact", "info", "founders", "team", "lienhe"],
                );
                format!("{local}@{domain}")
            })
        } else {
            rng.random_bool(0.15).then(|| {
                format!(
                    "{}{}@gmail.com",
                    domain_label(&core.name, 20),
                    rng.random_range(1..100)
                )
            })
        };
        let phone = rng.random_bool(0.3).then(|| mobile(rng));
        let style = Style::draw(rng);
        let mut text = Text::new(rng, &core.name, &core.sectors, stage);
        text.province = Some(core.province);
        text.topics = &needs;
        text.seeking = seeking;
        text.team = team_size;
        let tagline = text.compose(&[*pick(rng, TAGLINES)], style.single());
        let description = text.compose(&startup_sentences(rng, stage), style);
        StartupRecord {
            key: core.key,
            name: core.name,
            tagline,
            description,
            sectors: keys_of(&core.sectors),
            stage,
            province: Some(PROVINCES[core.province].key.into()),
            founded_on: core.founded_on,
            team_size: Some(team_size),
            tags,
            needs,
            seeking,
            organization,
            website,
            email,
            phone,
        }
    }
}

pub(super) fn keys_of(sectors: &[usize]) -> Vec<String> {
    sectors
        .iter()
        .map(|&s| SECTORS[s].key.to_string())
        .collect()
}

/// A founding date plausible for `stage`; most ideas are not registered yet.
pub(super) fn founding_date(rng: &mut Prng, stage: Stage) -> Option<NaiveDate> {
    let (from, to) = match stage {
        Stage::Idea => {
            if rng.random_bool(0.65) {
                return None;
            }
            (ymd(2025, 1, 1), last_date())
        }
        Stage::Mvp => (ymd(2022, 1, 1), last_date()),
        Stage::Seed => (ymd(2019, 1, 1), ymd(2025, 12, 31)),
        Stage::SeriesA => (ymd(2015, 1, 1), ymd(2024, 6, 30)),
        Stage::Growth => (ymd(2012, 1, 1), ymd(2021, 12, 31)),
    };
    Some(date_between(rng, from, to))
}

/// An invented brand: "Lúa Sense", "AgriLink", "Sen Xanh", "MekongPay", "Mầm Edu".
pub(super) fn startup_name(rng: &mut Prng, sector: usize) -> String {
    let sector = &SECTORS[sector];
    match rng.random_range(0..6) {
        0 => format!(
            "{} {}",
            pick(rng, sector.brand_vi),
            pick(rng, NAME_SUFFIXES)
        ),
        1 => {
            let suffix = if rng.random_bool(0.7) {
                pick(rng, NAME_SUFFIXES)
            } else {
                pick(rng, NAME_TIGHT_SUFFIXES)
            };
            format!("{}{suffix}", pick(rng, sector.brand_en))
        }
        2 => format!("{} {}", pick(rng, sector.brand_vi), pick(rng, NAME_WORDS)),
        3 => format!("{}{}", pick(rng, NAME_PREFIXES), pick(rng, sector.brand_en)),
        4 => format!("{} {}", pick(rng, NAME_WORDS), pick(rng, sector.brand_en)),
        _ => format!("{} {}", pick(rng, NAME_WORDS), pick(rng, NAME_SUFFIXES)),
    }
}

pub(super) fn startup_domain(rng: &mut Prng, core: &StartupCore) -> String {
    let label = domain_label(&core.name, 24);
    let tld = if SECTORS[core.sectors[0]].key == "ai" && rng.random_bool(0.4) {
        ".ai"
    } else {
        weighted(
            rng,
            &[
                (".vn", 40),
                (".com.vn", 20),
                (".io", 15),
                (".com", 20),
                (".app", 5),
            ],
        )
    };
    format!("{label}{tld}")
}

pub(super) fn startup_tags(rng: &mut Prng, core: &StartupCore) -> Vec<StartupTag> {
    let s = stage_index(core.stage);
    let student = rng.random_bool([0.25, 0.15, 0.03, 0.0, 0.0][s]);
    let women_led = rng.random_bool(0.28);
    let youth = rng.random_bool(if student { 0.8 } else { 0.2 });
    let social = core
        .sectors
        .iter()
        .any(|&sector| SECTORS[sector].key == "social-impact")
        || rng.random_bool(0.07);
    let st_enterprise =
        core.founded_on.is_some() && rng.random_bool([0.0, 0.02, 0.1, 0.25, 0.35][s]);
    [
        (StartupTag::Student, student),
        (StartupTag::WomenLed, women_led),
        (StartupTag::Youth, youth),
        (StartupTag::SocialImpact, social),
        (StartupTag::StEnterprise, st_enterprise),
    ]
    .into_iter()
    .filter_map(|(tag, on)| on.then_some(tag))
    .collect()
}

/// One to four needs, from those typical of `stage`.
pub(super) fn startup_needs(rng: &mut Prng, stage: Stage) -> Vec<Topic> {
    use Topic::*;
    let pool: &[Topic] = match stage {
        Stage::Idea => &[
            CreativeThinking,
            BusinessModel,
            MarketResearch,
            IntellectualProperty,
            Legal,
            ProductDevelopment,
        ],
        Stage::Mvp => &[
            ProductDevelopment,
            MarketResearch,
            Marketing,
            BusinessModel,
            Fundraising,
            IntellectualProperty,
            Branding,
            Legal,
        ],
        Stage::Seed => &[
            Fundraising,
            Marketing,
            Branding,
            Ecommerce,
            DigitalTransformation,
            Legal,
            Tax,
            BusinessManagement,
            QualityStandards,
        ],
        Stage::SeriesA => &[
            Fundraising,
            BusinessManagement,
            InternationalExpansion,
            QualityStandards,
            Tax,
            Legal,
            TechnologyTransfer,
            DigitalTransformation,
        ],
        Stage::Growth => &[
            InternationalExpansion,
            BusinessManagement,
            Legal,
            Tax,
            Fundraising,
            QualityStandards,
            TechnologyTransfer,
        ],
    };
    let count = weighted(rng, &[(1, 25), (2, 35), (3, 25), (4, 15)]);
    distinct(rng, pool.len(), count)
        .into_iter()
        .map(|i| pool[i])
        .collect()
}

/// What a startup at `stage` raises, if anything: mostly VND, sometimes USD.
pub(super) fn seeking(rng: &mut Prng, stage: Stage) -> Option<Money> {
    const RANGES: [(i64, i64); 5] = [
        (200_000_000, 1_000_000_000),
        (500_000_000, 3_000_000_000),
        (2_000_000_000, 10_000_000_000),
        (20_000_000_000, 100_000_000_000),
        (100_000_000_000, 500_000_000_000),
    ];
    let s = stage_index(stage);
    if rng.random_bool([0.3, 0.15, 0.1, 0.15, 0.4][s]) {
        return None;
    }
    let (low, high) = RANGES[s];
    let amount = round2(rng.random_range(low..=high));
    Some(if rng.random_bool([0.03, 0.05, 0.15, 0.25, 0.3][s]) {
        usd_of(amount)
    } else {
        vnd(amount)
    })
}

/// Two to five sentences: who, the problem, the solution, traction, the ask.
pub(super) fn startup_sentences(rng: &mut Prng, stage: Stage) -> Vec<Pair> {
    let mut sentences = vec![*pick(rng, STARTUP_INTROS)];
    if rng.random_bool(0.7) {
        sentences.push(*pick(rng, STARTUP_PROBLEMS));
    }
    if rng.random_bool(0.6) {
        sentences.push(*pick(rng, STARTUP_SOLUTIONS));
    }
    if sentences.len() < 2 || rng.random_bool(0.75) {
        sentences.push(*pick(rng, TRACTION[stage_index(stage)]));
    }
    if rng.random_bool(0.5) {
        sentences.push(*pick(rng, STARTUP_ASKS));
    }
    sentences
}

/// When generated organisation `index` was founded: spread over 2012–2025,
/// from its index alone (so the other draws stay as they were).
fn founded(index: usize) -> chrono::NaiveDate {
    let year = 2012 + (index * 7 % 14) as i32;
    let month = (index % 12) as u32 + 1;
    let day = (index * 5 % 28) as u32 + 1;
    chrono::NaiveDate::from_ymd_opt(year, month, day).expect("BUG: a day of a month")
}
