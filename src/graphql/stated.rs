//! What theses and bios state in prose (`Investor.statedPreferences`,
//! `Mentor.inferredExpertise`), read as the matching engine reads them
//! (`matching::prose`).

use async_graphql::{Context, Result, SimpleObject};

use super::scope::Scope;
use crate::matching::prose::{Lexicon, Statement, Subject};
use crate::model::{Sector, StartupTag, Topic};
use crate::store::Store;

/// A preference an investor's thesis states in a sentence: a group of
/// startups or a sector it favours, or rules out ("không đầu tư vào bất
/// động sản"). Matching ranks by these (factor `PREFERENCES`; a sector
/// named in the thesis counts as one it invests in only when it lists
/// none, and one ruled out only when it does not list it).
#[derive(Debug, Clone, SimpleObject)]
pub struct StatedPreference {
    /// The group of startups it is about, if a group.
    pub tag: Option<StartupTag>,
    /// The sector it is about, if a sector.
    pub sector: Option<Sector>,
    /// True: favoured; false: ruled out.
    pub favoured: bool,
    /// The sentence that states it, as written (up to 200 characters).
    pub evidence: String,
}

/// A mentorship topic a mentor's headline or bio describes ("tôi từng hỗ
/// trợ nhiều doanh nghiệp đăng ký bảo hộ sáng chế": intellectual
/// property). Matching counts it as expertise (factor `NEEDS`, which says
/// so in its explanation).
#[derive(Debug, Clone, SimpleObject)]
pub struct InferredTopic {
    /// The topic.
    pub topic: Topic,
    /// The sentence that describes it, as written (up to 200 characters).
    pub evidence: String,
}

/// The sectors and the lexicon of their names, read once per request (a
/// list of investors reads every thesis with one).
#[derive(Default)]
pub struct ProseCache(tokio::sync::OnceCell<(Lexicon, Vec<Sector>)>);

/// `text` read with every sector's names, and the sectors (by the
/// statements' indexes).
async fn read(ctx: &Context<'_>, text: &str) -> Result<(Vec<Statement>, Vec<Sector>)> {
    let load = || async {
        let sectors = ctx.data_unchecked::<Store>().sectors().await?;
        let names: Vec<(String, String, String)> = sectors
            .iter()
            .map(|s| (s.slug.clone(), s.name.clone(), s.name_en.clone()))
            .collect();
        Ok::<_, async_graphql::Error>((Lexicon::new(&names), sectors))
    };
    match Scope::of(ctx).map(|s| &s.prose) {
        Some(cache) => {
            let (lexicon, sectors) = cache.0.get_or_try_init(load).await?;
            Ok((lexicon.read(text), sectors.clone()))
        }
        None => {
            let (lexicon, sectors) = load().await?;
            Ok((lexicon.read(text), sectors))
        }
    }
}

/// The groups and sectors `thesis` favours or rules out.
pub(super) async fn preferences(ctx: &Context<'_>, thesis: &str) -> Result<Vec<StatedPreference>> {
    let (statements, sectors) = read(ctx, thesis).await?;
    Ok(statements
        .into_iter()
        .filter_map(|s| {
            let (tag, sector) = match s.subject {
                Subject::Tag(t) => (Some(t), None),
                Subject::Sector(n) => (None, Some(sectors.get(n)?.clone())),
                Subject::Topic(_) => return None,
            };
            Some(StatedPreference {
                tag,
                sector,
                favoured: s.favoured,
                evidence: s.evidence,
            })
        })
        .collect())
}

/// The topics `text` describes the mentor as offering, beyond `listed`.
pub(super) async fn expertise(
    ctx: &Context<'_>,
    text: &str,
    listed: &[Topic],
) -> Result<Vec<InferredTopic>> {
    let (statements, _) = read(ctx, text).await?;
    Ok(statements
        .into_iter()
        .filter_map(|s| match s.subject {
            Subject::Topic(topic) if s.favoured && !listed.contains(&topic) => {
                Some(InferredTopic {
                    topic,
                    evidence: s.evidence,
                })
            }
            _ => None,
        })
        .collect())
}
