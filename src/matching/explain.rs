//! Sentences for the reasons of a match, in Vietnamese or English.

use super::factors::{LANG_EN, LANG_VI, PlaceRef, SectorRef, Verdict, Why};
use crate::model::{Stage, StartupTag, Topic, Vocabulary};

// The GraphQL enum is derived here rather than mirrored in `graphql/`:
// its variants are the API's words one for one, this derive is the only
// GraphQL in `matching`, and a mirror would be a second list to keep in
// step (the schema drift test shows any change to the API).
/// The language explanations are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, async_graphql::Enum)]
pub enum Lang {
    /// Vietnamese (tiếng Việt), the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language an `Accept-Language` header prefers among the two:
    /// the first tag naming `vi` or `en` (by quality), Vietnamese otherwise.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let lang = match tag.split('-').next() {
                Some("vi") => Lang::Vi,
                Some("en") => Lang::En,
                _ => continue,
            };
            if best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::Vi, |(_, lang)| lang)
    }
}

/// Names of what [`Why`] refers to by reference.
pub trait Names {
    fn sector(&self, sector: SectorRef, lang: Lang) -> &str;
    fn province(&self, province: PlaceRef) -> &str;
    fn region(&self, region: PlaceRef) -> &str;
}

fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match (stage, lang) {
        (Stage::Idea, Lang::Vi) => "ý tưởng",
        (Stage::Mvp, Lang::Vi) => "sản phẩm mẫu (MVP)",
        (Stage::Seed, Lang::Vi) => "hạt giống (seed)",
        (Stage::SeriesA, Lang::Vi) => "Series A",
        (Stage::Growth, Lang::Vi) => "tăng trưởng",
        (Stage::Idea, Lang::En) => "idea",
        (Stage::Mvp, Lang::En) => "MVP",
        (Stage::Seed, Lang::En) => "seed",
        (Stage::SeriesA, Lang::En) => "Series A",
        (Stage::Growth, Lang::En) => "growth",
    }
}

/// A topic's name.
pub fn topic_name(topic: Topic, lang: Lang) -> &'static str {
    let (vi, en) = match topic {
        Topic::CreativeThinking => ("tư duy sáng tạo", "creative thinking"),
        Topic::IntellectualProperty => ("sở hữu trí tuệ", "intellectual property"),
        Topic::BusinessManagement => ("quản trị doanh nghiệp", "business management"),
        Topic::Marketing => ("marketing", "marketing"),
        Topic::MarketResearch => ("nghiên cứu thị trường", "market research"),
        Topic::BusinessModel => ("mô hình kinh doanh", "business model"),
        Topic::Fundraising => ("gọi vốn", "fundraising"),
        Topic::DigitalTransformation => ("chuyển đổi số", "digital transformation"),
        Topic::Legal => ("pháp lý", "legal matters"),
        Topic::Tax => ("thuế", "tax"),
        Topic::QualityStandards => ("tiêu chuẩn chất lượng", "quality standards"),
        Topic::Ecommerce => ("thương mại điện tử", "e-commerce"),
        Topic::Branding => ("thương hiệu", "branding"),
        Topic::TechnologyTransfer => ("chuyển giao công nghệ", "technology transfer"),
        Topic::ProductDevelopment => ("phát triển sản phẩm", "product development"),
        Topic::InternationalExpansion => ("mở rộng ra quốc tế", "international expansion"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A group of startups, as a phrase about a startup.
pub fn tag_phrase(tag: StartupTag, lang: Lang) -> &'static str {
    let (vi, en) = match tag {
        StartupTag::Student => ("do sinh viên sáng lập", "student-founded"),
        StartupTag::WomenLed => ("do phụ nữ dẫn dắt", "women-led"),
        StartupTag::Youth => ("do người trẻ sáng lập", "youth-founded"),
        StartupTag::SocialImpact => ("khởi nghiệp xã hội", "social-impact"),
        StartupTag::StEnterprise => (
            "doanh nghiệp khoa học và công nghệ",
            "science-and-technology enterprise",
        ),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// An amount in VND, rounded for reading: "5 tỷ đồng", "VND 5 billion".
pub fn money(vnd: f64, lang: Lang) -> String {
    let (value, vi, en) = if vnd >= 1e9 {
        (vnd / 1e9, "tỷ đồng", "billion")
    } else if vnd >= 1e6 {
        (vnd / 1e6, "triệu đồng", "million")
    } else {
        (vnd, "đồng", "")
    };
    let number = if value >= 100.0 || (value - value.round()).abs() < 0.05 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.1}")
    };
    match lang {
        Lang::Vi => format!("{} {vi}", number.replace('.', ",")),
        Lang::En if en.is_empty() => format!("VND {number}"),
        Lang::En => format!("VND {number} {en}"),
    }
}

fn list(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let and = if lang == Lang::Vi { "và" } else { "and" };
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

fn languages(bits: u8, lang: Lang) -> String {
    let mut names = Vec::new();
    if bits & LANG_VI != 0 {
        names.push(if lang == Lang::Vi {
            "tiếng Việt"
        } else {
            "Vietnamese"
        });
    }
    if bits & LANG_EN != 0 {
        names.push(if lang == Lang::Vi {
            "tiếng Anh"
        } else {
            "English"
        });
    }
    list(&names, lang)
}

fn percent(x: f32) -> u32 {
    (x.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The sentence for a reason.
pub fn explain(why: &Why, lang: Lang, names: &dyn Names) -> String {
    use Lang::{En, Vi};
    let sectors = |shared: &super::factors::Refs| {
        let names: Vec<&str> = shared
            .as_slice()
            .iter()
            .map(|s| names.sector(*s, lang))
            .collect();
        list(&names, lang)
    };
    match (why, lang) {
        (
            Why::SectorsShared {
                shared,
                primary: true,
            },
            Vi,
        ) => {
            format!("Cùng lĩnh vực chính: {}", sectors(shared))
        }
        (
            Why::SectorsShared {
                shared,
                primary: true,
            },
            En,
        ) => {
            format!("Same main sector: {}", sectors(shared))
        }
        (Why::SectorsShared { shared, .. }, Vi) => {
            format!("Có chung lĩnh vực: {}", sectors(shared))
        }
        (Why::SectorsShared { shared, .. }, En) => format!("Shared sector: {}", sectors(shared)),
        (Why::SectorsRead { shared, .. }, Vi) => format!(
            "Phần giới thiệu nói về lĩnh vực {} (không liệt kê lĩnh vực)",
            sectors(shared)
        ),
        (Why::SectorsRead { shared, .. }, En) => format!(
            "Its text speaks of {} (it lists no sector)",
            sectors(shared)
        ),
        (Why::SectorsAny, Vi) => "Không giới hạn lĩnh vực".into(),
        (Why::SectorsAny, En) => "Open to any sector".into(),
        (Why::SectorsNone, Vi) => "Không có lĩnh vực chung".into(),
        (Why::SectorsNone, En) => "No sector in common".into(),
        (Why::SectorsReadNone, Vi) => {
            "Phần giới thiệu không nói về lĩnh vực của startup (không liệt kê lĩnh vực)".into()
        }
        (Why::SectorsReadNone, En) => {
            "Its text speaks of none of the startup's sectors (it lists no sector)".into()
        }
        (Why::StageBacked(s), Vi) => format!("Đầu tư vào giai đoạn {}", stage_name(*s, Vi)),
        (Why::StageBacked(s), En) => format!("Invests at the {} stage", stage_name(*s, En)),
        (Why::StageNear(s), Vi) => {
            format!("Đầu tư ở giai đoạn liền kề ({})", stage_name(*s, Vi))
        }
        (Why::StageNear(s), En) => {
            format!("Invests at a neighbouring stage ({})", stage_name(*s, En))
        }
        (Why::StageAny, Vi) => "Đầu tư ở mọi giai đoạn".into(),
        (Why::StageAny, En) => "Invests at any stage".into(),
        (Why::StageOther(s), Vi) => {
            format!("Không đầu tư ở giai đoạn {}", stage_name(*s, Vi))
        }
        (Why::StageOther(s), En) => {
            format!("Does not invest at the {} stage", stage_name(*s, En))
        }
        (Why::TicketWithin { seeking }, Vi) => {
            format!(
                "Khoản gọi vốn {} nằm trong khoảng đầu tư",
                money(*seeking, Vi)
            )
        }
        (Why::TicketWithin { seeking }, En) => {
            format!(
                "The {} sought is within the ticket range",
                money(*seeking, En)
            )
        }
        (Why::TicketBelow { seeking, min }, Vi) => format!(
            "Khoản gọi vốn {} thấp hơn mức tối thiểu {}",
            money(*seeking, Vi),
            money(*min, Vi)
        ),
        (Why::TicketBelow { seeking, min }, En) => format!(
            "The {} sought is below the minimum ticket of {}",
            money(*seeking, En),
            money(*min, En)
        ),
        (Why::TicketAbove { seeking, max }, Vi) => format!(
            "Khoản gọi vốn {} cao hơn mức tối đa {}",
            money(*seeking, Vi),
            money(*max, Vi)
        ),
        (Why::TicketAbove { seeking, max }, En) => format!(
            "The {} sought is above the maximum ticket of {}",
            money(*seeking, En),
            money(*max, En)
        ),
        (Why::TicketUnknown, Vi) => "Chưa đủ thông tin để so khoản gọi vốn".into(),
        (Why::TicketUnknown, En) => "No amount or ticket range to compare".into(),
        (Why::SameProvince(p), Vi) => format!("Cùng địa bàn: {}", names.province(*p)),
        (Why::SameProvince(p), En) => format!("Same province: {}", names.province(*p)),
        (Why::SameRegion(r), Vi) => format!("Cùng vùng: {}", names.region(*r)),
        (Why::SameRegion(r), En) => format!("Same region: {}", names.region(*r)),
        (Why::Nationwide, Vi) => "Đầu tư trên cả nước".into(),
        (Why::Nationwide, En) => "Invests nationwide".into(),
        (Why::Elsewhere, Vi) => "Ở địa bàn khác (có thể kết nối trực tuyến)".into(),
        (Why::Elsewhere, En) => "Elsewhere in the country (can meet online)".into(),
        (Why::PlaceUnknown, Vi) => "Chưa rõ địa bàn".into(),
        (Why::PlaceUnknown, En) => "Location not stated".into(),
        (Why::TextSimilar(r), Vi) => {
            format!(
                "Nội dung hồ sơ gần nhau ({}% so với hồ sơ gần nhất)",
                percent(*r)
            )
        }
        (Why::TextSimilar(r), En) => {
            format!(
                "Profiles read alike ({}% of the closest match)",
                percent(*r)
            )
        }
        (Why::TextNone, Vi) => "Nội dung hồ sơ ít điểm chung".into(),
        (Why::TextNone, En) => "Profiles have little text in common".into(),
        (Why::NeedsCovered { covered: 0, needs, .. }, _) => match lang {
            Vi => format!("Chưa đáp ứng nhu cầu nào trong {needs} nhu cầu"),
            En => format!("Covers none of the {needs} needs"),
        },
        (
            Why::NeedsCovered {
                covered,
                needs,
                from_bio,
                asked,
            },
            _,
        ) => {
            let covered = super::factors::topics_of(*covered);
            let topics: Vec<&str> = covered.iter().map(|t| topic_name(*t, lang)).collect();
            let read: Vec<&str> = super::factors::topics_of(*from_bio)
                .iter()
                .map(|t| topic_name(*t, lang))
                .collect();
            let head = match lang {
                Vi => format!(
                    "Đáp ứng {}/{needs} nhu cầu: {}",
                    covered.len(),
                    list(&topics, lang)
                ),
                En => format!(
                    "Covers {} of {needs} needs: {}",
                    covered.len(),
                    list(&topics, lang)
                ),
            };
            let asked: Vec<&str> = super::factors::topics_of(*asked)
                .iter()
                .map(|t| topic_name(*t, lang))
                .collect();
            let mut sources = Vec::new();
            if !read.is_empty() {
                sources.push(match lang {
                    Vi => format!("{} theo phần giới thiệu", list(&read, lang)),
                    En => format!("{} from their bio", list(&read, lang)),
                });
            }
            if !asked.is_empty() {
                sources.push(match lang {
                    Vi => format!("{} theo phần mô tả của startup", list(&asked, lang)),
                    En => format!("{} asked for in its description", list(&asked, lang)),
                });
            }
            if sources.is_empty() {
                head
            } else {
                format!("{head} ({})", sources.join("; "))
            }
        }
        (Why::NeedsUnstated, Vi) => "Startup chưa nêu nhu cầu hỗ trợ".into(),
        (Why::NeedsUnstated, En) => "The startup states no needs".into(),
        (Why::LanguageShared(bits), Vi) => format!("Cùng sử dụng {}", languages(*bits, Vi)),
        (Why::LanguageShared(bits), En) => format!("Both use {}", languages(*bits, En)),
        (Why::LanguageNone, Vi) => {
            "Không có ngôn ngữ chung với hồ sơ startup: khó cố vấn được, điểm giảm còn một phần tư"
                .into()
        }
        (Why::LanguageNone, En) => {
            "No language in common with the startup's profile: hard to mentor, so the score is cut to a quarter"
                .into()
        }
        (Why::LanguageUnknown, Vi) => "Chưa rõ ngôn ngữ".into(),
        (Why::LanguageUnknown, En) => "Languages not stated".into(),
        (Why::PlacesLeft, Vi) => "Còn nhận thêm startup".into(),
        (Why::PlacesLeft, En) => "Has places for more startups".into(),
        (Why::LastPlace, Vi) => "Chỉ còn một suất".into(),
        (Why::LastPlace, En) => "Has one place left".into(),
        (
            Why::TrackRecord {
                in_sector,
                at_stage,
                deals,
            },
            Vi,
        ) => format!(
            "Đã có {deals} thương vụ, {in_sector} trong lĩnh vực này, {at_stage} ở giai đoạn này"
        ),
        (
            Why::TrackRecord {
                in_sector,
                at_stage,
                deals,
            },
            En,
        ) => format!("{deals} past deals, {in_sector} in this sector, {at_stage} at this stage"),
        (Why::Portfolio { similar: 0, deals, .. }, Vi) => {
            format!("Chưa đầu tư startup nào giống startup này (trong {deals} thương vụ)")
        }
        (Why::Portfolio { similar: 0, deals, .. }, En) => {
            format!("None of its {deals} deals is in a startup like this one")
        }
        (
            Why::Portfolio {
                similar,
                sector,
                province,
                region,
                tag,
                ..
            },
            _,
        ) => {
            let mut what = Vec::new();
            if let Some(s) = sector {
                what.push(match lang {
                    Vi => format!("lĩnh vực {}", names.sector(*s, Vi)),
                    En => names.sector(*s, En).to_string(),
                });
            }
            let place = province
                .map(|p| names.province(p))
                .or_else(|| region.map(|r| names.region(r)));
            if let Some(place) = place {
                what.push(match lang {
                    Vi => format!("ở {place}"),
                    En => format!("in {place}"),
                });
            }
            if let Some(tag) = tag.and_then(|t| StartupTag::ALL.get(usize::from(t))) {
                what.push(tag_phrase(*tag, lang).to_string());
            }
            let head = match (lang, similar) {
                (Vi, n) => format!("Đã đầu tư {n} startup giống startup này"),
                (En, 1) => "Has backed 1 startup like this one".to_string(),
                (En, n) => format!("Has backed {n} startups like this one"),
            };
            if what.is_empty() {
                head
            } else {
                format!("{head}: {}", what.join(", "))
            }
        }
        (Why::GroupFavoured(t) | Why::GroupNotFavoured(t) | Why::GroupRuledOut(t), _)
            if StartupTag::ALL.get(usize::from(*t)).is_none() =>
        {
            String::new()
        }
        (Why::GroupFavoured(t), _) => {
            let group = tag_phrase(StartupTag::ALL[usize::from(*t)], lang);
            match lang {
                Vi => format!("Nhà đầu tư nêu rõ ưu tiên startup {group}"),
                En => format!("Its thesis favours {group} startups"),
            }
        }
        (Why::GroupNotFavoured(t), _) => {
            let group = tag_phrase(StartupTag::ALL[usize::from(*t)], lang);
            match lang {
                Vi => format!("Nhà đầu tư ưu tiên startup {group}, startup này thì không"),
                En => format!("Its thesis favours {group} startups, which this one is not"),
            }
        }
        (Why::GroupRuledOut(t), _) => {
            let group = tag_phrase(StartupTag::ALL[usize::from(*t)], lang);
            match lang {
                Vi => format!(
                    "Nhà đầu tư nêu rõ không đầu tư startup {group}: điểm giảm còn một phần tư"
                ),
                En => format!(
                    "Its thesis rules out {group} startups, so the score is cut to a quarter"
                ),
            }
        }
        (Why::SectorRuledOut(s), Vi) => format!(
            "Nhà đầu tư nêu rõ không đầu tư lĩnh vực {}: điểm giảm còn một phần tư",
            names.sector(*s, Vi)
        ),
        (Why::SectorRuledOut(s), En) => format!(
            "Its thesis rules out {}, so the score is cut to a quarter",
            names.sector(*s, En)
        ),
        (Why::NothingStated, Vi) => "Nhà đầu tư không nêu ưu tiên về nhóm startup".into(),
        (Why::NothingStated, En) => "Its thesis states no preference about groups".into(),
        (Why::NoTrackRecord, Vi) => "Chưa có thương vụ nào được ghi nhận".into(),
        (Why::NoTrackRecord, En) => "No recorded deals yet".into(),
        (Why::InvestedLately(date), Vi) => {
            format!(
                "Đang hoạt động, thương vụ gần nhất {}",
                date.format("%d/%m/%Y")
            )
        }
        (Why::InvestedLately(date), En) => {
            format!("Active, last deal on {}", date.format("%Y-%m-%d"))
        }
        (Why::NoRecentDeal, Vi) => "Đang hoạt động, chưa có thương vụ trong hai năm qua".into(),
        (Why::NoRecentDeal, En) => "Active, no deal in the last two years".into(),
        (Why::FeedbackDirect(Verdict::Contacted), Vi) => "Bạn đã liên hệ".into(),
        (Why::FeedbackDirect(Verdict::Contacted), En) => "You got in touch".into(),
        (Why::FeedbackDirect(_), Vi) => "Bạn đã đánh dấu là phù hợp".into(),
        (Why::FeedbackDirect(_), En) => "You marked it relevant".into(),
        (Why::FeedbackSimilar { liked, disliked }, Vi) if liked >= disliked => {
            format!("Giống {}% những gợi ý bạn thấy phù hợp", percent(*liked))
        }
        (Why::FeedbackSimilar { liked, disliked }, En) if liked >= disliked => {
            format!(
                "{}% like recommendations you found relevant",
                percent(*liked)
            )
        }
        (Why::FeedbackSimilar { disliked, .. }, Vi) => {
            format!("Giống {}% những gợi ý bạn đã bỏ qua", percent(*disliked))
        }
        (Why::FeedbackSimilar { disliked, .. }, En) => {
            format!("{}% like recommendations you dismissed", percent(*disliked))
        }
        (Why::Demand { demand: 0, .. }, Vi) => "Chưa có nhiều người quan tâm".into(),
        (Why::Demand { demand: 0, .. }, En) => "Not in high demand".into(),
        (Why::Demand { demand, factor }, Vi) => format!(
            "Được quan tâm nhiều ({demand} lượt): điểm nhân {factor:.2} để gợi ý đa dạng hơn"
        ),
        (Why::Demand { demand, factor }, En) => format!(
            "In demand ({demand} deals, mentees or contacts): score times {factor:.2} so lists vary"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;
    impl Names for Fixed {
        fn sector(&self, _: SectorRef, lang: Lang) -> &str {
            match lang {
                Lang::Vi => "Nông nghiệp công nghệ cao",
                Lang::En => "Agritech",
            }
        }
        fn province(&self, _: PlaceRef) -> &str {
            "Cần Thơ"
        }
        fn region(&self, _: PlaceRef) -> &str {
            "Mekong Delta"
        }
    }

    #[test]
    fn accept_language_picks_the_preferred_of_vi_and_en() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Lang::En);
        assert_eq!(
            Lang::from_accept_language("vi-VN,vi;q=0.9,en;q=0.8"),
            Lang::Vi
        );
        assert_eq!(Lang::from_accept_language("fr, en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("en;q=0.3, vi;q=0.7"), Lang::Vi);
        assert_eq!(Lang::from_accept_language("de"), Lang::Vi);
        assert_eq!(Lang::from_accept_language(""), Lang::Vi);
    }

    #[test]
    fn money_reads_naturally() {
        assert_eq!(money(5e9, Lang::Vi), "5 tỷ đồng");
        assert_eq!(money(2.5e9, Lang::Vi), "2,5 tỷ đồng");
        assert_eq!(money(5e8, Lang::En), "VND 500 million");
        assert_eq!(money(2.5e9, Lang::En), "VND 2.5 billion");
    }

    #[test]
    fn sentences_in_both_languages() {
        let mut shared = super::super::factors::Refs::default();
        shared.push(1);
        let why = Why::SectorsShared {
            shared,
            primary: true,
        };
        assert_eq!(
            explain(&why, Lang::Vi, &Fixed),
            "Cùng lĩnh vực chính: Nông nghiệp công nghệ cao"
        );
        assert_eq!(
            explain(&why, Lang::En, &Fixed),
            "Same main sector: Agritech"
        );
        let needs = Why::NeedsCovered {
            covered: super::super::factors::topic_bits(&[Topic::Fundraising, Topic::Legal]),
            needs: 3,
            from_bio: super::super::factors::topic_bits(&[Topic::Legal]),
            asked: 0,
        };
        assert_eq!(
            explain(&needs, Lang::En, &Fixed),
            "Covers 2 of 3 needs: fundraising and legal matters (legal matters from their bio)"
        );
        assert_eq!(
            explain(&needs, Lang::Vi, &Fixed),
            "Đáp ứng 2/3 nhu cầu: gọi vốn và pháp lý (pháp lý theo phần giới thiệu)"
        );
        let both = Why::NeedsCovered {
            covered: super::super::factors::topic_bits(&[Topic::Fundraising, Topic::Legal]),
            needs: 3,
            from_bio: super::super::factors::topic_bits(&[Topic::Legal]),
            asked: super::super::factors::topic_bits(&[Topic::Fundraising]),
        };
        assert_eq!(
            explain(&both, Lang::En, &Fixed),
            "Covers 2 of 3 needs: fundraising and legal matters (legal matters from their bio; fundraising asked for in its description)"
        );
        assert_eq!(
            explain(&both, Lang::Vi, &Fixed),
            "Đáp ứng 2/3 nhu cầu: gọi vốn và pháp lý (pháp lý theo phần giới thiệu; gọi vốn theo phần mô tả của startup)"
        );
        assert_eq!(
            explain(&Why::SectorsReadNone, Lang::En, &Fixed),
            "Its text speaks of none of the startup's sectors (it lists no sector)"
        );
        assert_eq!(
            explain(&Why::SectorsReadNone, Lang::Vi, &Fixed),
            "Phần giới thiệu không nói về lĩnh vực của startup (không liệt kê lĩnh vực)"
        );
        let ticket = Why::TicketBelow {
            seeking: 5e8,
            min: 2e9,
        };
        assert_eq!(
            explain(&ticket, Lang::En, &Fixed),
            "The VND 500 million sought is below the minimum ticket of VND 2 billion"
        );
        assert_eq!(
            explain(&Why::LanguageShared(LANG_VI | LANG_EN), Lang::Vi, &Fixed),
            "Cùng sử dụng tiếng Việt và tiếng Anh"
        );
    }

    #[test]
    fn portfolio_sentences_say_how_many_and_what_they_share() {
        let portfolio = |similar, sector, region, tag: Option<StartupTag>| Why::Portfolio {
            similar,
            deals: if similar > 0 { 9 } else { 3 },
            sector,
            province: None,
            region,
            tag: tag.map(|t| t.index() as u8),
        };
        for (why, vi, en) in [
            (
                portfolio(4, Some(1), Some(0), Some(StartupTag::WomenLed)),
                "Đã đầu tư 4 startup giống startup này: lĩnh vực Nông nghiệp công nghệ cao, ở Mekong Delta, do phụ nữ dẫn dắt",
                "Has backed 4 startups like this one: Agritech, in Mekong Delta, women-led",
            ),
            (
                portfolio(0, None, None, None),
                "Chưa đầu tư startup nào giống startup này (trong 3 thương vụ)",
                "None of its 3 deals is in a startup like this one",
            ),
        ] {
            assert_eq!(explain(&why, Lang::Vi, &Fixed), vi);
            assert_eq!(explain(&why, Lang::En, &Fixed), en);
        }
    }
}
