//! What the index holds: a document per profile or event, its fields
//! and facets, and the schema they make.

use super::*;

/// What the index keeps of an object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchDoc {
    pub kind: DocKind,
    pub id: i64,
    /// The name or title.
    pub name: String,
    /// A tagline or headline.
    pub tagline: String,
    /// The long text: description, thesis or bio.
    pub body: String,
    /// Sector keys.
    pub sectors: Vec<String>,
    /// Stages (a startup's, or those an investor backs).
    pub stages: Vec<String>,
    /// Province keys (where it is, or where an investor invests).
    pub provinces: Vec<String>,
    /// Mentorship topics (a startup's needs, a mentor's expertise).
    pub topics: Vec<String>,
}

/// Other names places go by, by province key: what people type for them.
const PLACE_ALIASES: [(&str, &str); 6] = [
    (
        "ho-chi-minh",
        "TP.HCM TPHCM HCM HCMC Sài Gòn Saigon Ho Chi Minh City",
    ),
    ("ha-noi", "Hanoi HN"),
    ("da-nang", "Danang"),
    ("hai-phong", "Haiphong"),
    ("can-tho", "Cantho"),
    ("hue", "Thừa Thiên Huế"),
];

/// What a document is and the names its sector and province keys stand
/// for, searched at low weight: "khởi nghiệp Cần Thơ" finds startups based
/// in Cần Thơ, "agritech" a Vietnamese-only profile in that sector.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    sectors: HashMap<String, String>,
    provinces: HashMap<String, String>,
}

impl Labels {
    /// Read from the database: each sector's Vietnamese and English names,
    /// each province's name, region and aliases.
    pub async fn read(store: &crate::store::Store) -> Result<Labels, crate::store::StoreError> {
        let sectors = store
            .sectors()
            .await?
            .into_iter()
            .map(|s| (s.slug, format!("{} {}", s.name, s.name_en)))
            .collect();
        let provinces = store
            .provinces()
            .await?
            .into_iter()
            .map(|p| {
                let aliases = PLACE_ALIASES
                    .iter()
                    .find(|(key, _)| *key == p.slug)
                    .map_or("", |(_, a)| a);
                let text = format!("{} {} {aliases}", p.name, p.region);
                (p.slug, text)
            })
            .collect();
        Ok(Labels { sectors, provinces })
    }

    /// What `doc` is (in both languages) and the names its sector and
    /// province keys stand for.
    pub fn of(&self, doc: &SearchDoc) -> String {
        let names = (doc.sectors.iter().filter_map(|k| self.sectors.get(k)))
            .chain(doc.provinces.iter().filter_map(|k| self.provinces.get(k)))
            .map(String::as_str);
        let kind = match doc.kind {
            DocKind::Startup => "khởi nghiệp startup",
            DocKind::Investor => "nhà đầu tư investor",
            DocKind::Mentor => "cố vấn mentor",
            DocKind::Organization => "tổ chức hỗ trợ organisation organization",
            DocKind::Event => "sự kiện event",
            DocKind::Programme => "chương trình programme",
        };
        std::iter::once(kind)
            .chain(names)
            .collect::<Vec<_>>()
            .join(" \n ")
    }
}

pub(super) fn names<T: Vocabulary>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.as_str().to_string()).collect()
}

impl SearchDoc {
    /// A startup's document.
    pub fn startup(id: i64, r: &StartupDraft) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Startup,
            id,
            name: r.name.clone(),
            tagline: r.tagline.clone(),
            body: r.description.clone(),
            sectors: r.sectors.clone(),
            stages: names(&[r.stage]),
            provinces: r.province.iter().cloned().collect(),
            topics: names(&r.needs),
        }
    }

    /// An investor's document.
    pub fn investor(id: i64, r: &InvestorDraft) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Investor,
            id,
            name: r.name.clone(),
            body: r.thesis.clone(),
            sectors: r.sectors.clone(),
            stages: names(&r.stages),
            provinces: r.provinces.clone(),
            ..SearchDoc::default()
        }
    }

    /// A mentor's document.
    pub fn mentor(id: i64, r: &MentorDraft) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Mentor,
            id,
            name: r.name.clone(),
            tagline: r.headline.clone(),
            body: r.bio.clone(),
            sectors: r.sectors.clone(),
            provinces: r.province.iter().cloned().collect(),
            topics: names(&r.expertise),
            ..SearchDoc::default()
        }
    }

    /// An organisation's document.
    pub fn organization(id: i64, r: &OrganizationDraft) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Organization,
            id,
            name: r.name.clone(),
            body: r.description.clone(),
            provinces: r.province.iter().cloned().collect(),
            ..SearchDoc::default()
        }
    }

    /// An event's document.
    pub fn programme(id: i64, r: &crate::model::ProgrammeDraft) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Programme,
            id,
            name: r.name.clone(),
            body: format!("{}\n{}", r.description, r.description_en),
            sectors: r.sectors.clone(),
            provinces: r.province.iter().cloned().collect(),
            ..SearchDoc::default()
        }
    }

    pub fn event(id: i64, r: &EventDraft) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Event,
            id,
            name: r.title.clone(),
            body: r.description.clone(),
            sectors: r.sectors.clone(),
            provinces: r.province.iter().cloned().collect(),
            ..SearchDoc::default()
        }
    }
}

/// A text field, diacritics folded, with its weight.
#[derive(Debug, Clone, Copy)]
pub(super) struct TextField {
    pub(super) folded: Field,
    pub(super) boost: f32,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Fields {
    pub(super) kind: Field,
    pub(super) id: Field,
    /// `kind:id`, the term an update or delete replaces.
    pub(super) key: Field,
    /// Name, tagline, long text and labels, by weight.
    pub(super) texts: [TextField; 4],
    /// The name with its diacritics (suggestions prefer them).
    pub(super) name_exact: Field,
    /// Every text in one field, the name three times and the tagline twice
    /// (so they weigh more): what the fast first pass of a search matches.
    pub(super) all_folded: Field,
    /// The same with diacritics kept (frequencies only, no positions): what
    /// makes words typed with diacritics prefer the same diacritics.
    pub(super) all_exact: Field,
    /// Filterable keys, one field per [`Facet`] dimension but `Type`.
    pub(super) sector: Field,
    pub(super) stage: Field,
    pub(super) province: Field,
    pub(super) topic: Field,
    /// `/type/startup`, `/sector/agritech`, ...: what facets count.
    pub(super) facets: Field,
    /// The tagline and long text again, folded, in one field per kind
    /// (startups, investors, mentors), so that each kind has its own term
    /// statistics: what [`SearchIndex::similar`] matches profiles by.
    pub(super) similar: [Field; 3],
}

/// The dimensions facets count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    Type,
    Sector,
    Stage,
    Province,
    Topic,
}

impl Facet {
    /// Every dimension.
    pub const ALL: [Facet; 5] = [
        Facet::Type,
        Facet::Sector,
        Facet::Stage,
        Facet::Province,
        Facet::Topic,
    ];

    pub(super) fn root(self) -> &'static str {
        match self {
            Facet::Type => "type",
            Facet::Sector => "sector",
            Facet::Stage => "stage",
            Facet::Province => "province",
            Facet::Topic => "topic",
        }
    }
}

pub(super) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(record),
        )
    };
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let mut folded = |name: &str, boost: f32| TextField {
        folded: b.add_text_field(&format!("{name}_folded"), text(analysis::FOLDED, positions)),
        boost,
    };
    let texts = [
        folded("name", 3.0),
        folded("tagline", 2.0),
        folded("body", 1.0),
        folded("labels", 0.5),
    ];
    let name_exact = b.add_text_field("name_exact", text(analysis::EXACT, positions));
    // The combined fields answer term queries and completions only (phrases
    // are checked on the fields above): no positions, which would be most
    // of their size with each name in them three times.
    let all_folded = b.add_text_field(
        "all_folded",
        text(analysis::FOLDED, IndexRecordOption::WithFreqs),
    );
    let all_exact = b.add_text_field(
        "all_exact",
        text(analysis::EXACT, IndexRecordOption::WithFreqs),
    );
    // Keys to filter by: whole values, with frequencies (so that a filter
    // term joins the first pass's fast term intersection) but no norms
    // (so that it scores the same in every document).
    let key = || {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let fields = Fields {
        kind: b.add_text_field("kind", key() | STORED),
        id: b.add_i64_field("id", INDEXED | STORED | FAST),
        key: b.add_text_field("key", STRING),
        texts,
        name_exact,
        all_folded,
        all_exact,
        sector: b.add_text_field("sector", key()),
        stage: b.add_text_field("stage", key()),
        province: b.add_text_field("province", key()),
        topic: b.add_text_field("topic", key()),
        facets: b.add_facet_field("facets", FacetOptions::default()),
        similar: ["startup", "investor", "mentor"].map(|kind| {
            b.add_text_field(
                &format!("similar_{kind}"),
                text(analysis::FOLDED, IndexRecordOption::WithFreqs),
            )
        }),
    };
    (b.build(), fields)
}
