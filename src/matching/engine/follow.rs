//! How the engine follows the change log: a full load at start (and after
//! the log was pruned past it), then reloading just the profiles that
//! changes affect.

use super::*;
use crate::matching::vocabulary::Writer;

impl Matching {
    /// Reads everything into a new catalogue and swaps it in; returns the
    /// change-log position it is current with.
    pub async fn load(&self, store: &Store) -> Result<ChangePosition, MatchError> {
        let position = store.change_log_position().await?;
        let mut c = Catalogue::default();
        c.names.refresh(store).await?;
        c.lexicon = prose::Lexicon::new(&c.names.sectors);
        let mut invested: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut after = 0;
        loop {
            let page = store.investments_after(after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for x in page {
                invested
                    .entry(x.startup_id)
                    .or_default()
                    .push(x.investor_id);
                if x.confidential {
                    continue;
                }
                c.deals
                    .entry(x.investor_id)
                    .or_default()
                    .push((x.startup_id, x.round, x.date));
            }
        }
        let mut after = 0;
        loop {
            let page = store
                .startup_drafts(RecordSelect::After { after, limit: PAGE })
                .await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (id, r) in &page {
                let p = c.startup_profile(*id, r, invested.remove(id).unwrap_or_default());
                c.vocabulary.add(
                    &crate::matching::startup_text(&r.tagline, &r.description),
                    &p.sectors,
                    Writer::Startup,
                );
                c.startups.put(p);
            }
        }
        // Profiles that list no sector are read for the words of every
        // other once all are counted.
        let mut unlisted_investors = Vec::new();
        let mut unlisted_mentors = Vec::new();
        let mut after = 0;
        loop {
            let page = store
                .investor_drafts(RecordSelect::After { after, limit: PAGE })
                .await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (id, r) in page {
                let listed: Refs = r.sectors.iter().map(|s| c.names.intern_sector(s)).collect();
                c.vocabulary.add(&r.thesis, &listed, Writer::Investor);
                if listed.is_empty() {
                    unlisted_investors.push((id, r));
                    continue;
                }
                let mut p = c.investor_profile(id, &r);
                p.record = c.track_record(id, None);
                c.investors.put(p);
            }
        }
        let loads: HashMap<i64, i64> = store.mentor_loads(None).await?.into_iter().collect();
        let mut after = 0;
        loop {
            let page = store
                .mentor_drafts(RecordSelect::After { after, limit: PAGE })
                .await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (id, r) in page {
                let listed: Refs = r.sectors.iter().map(|s| c.names.intern_sector(s)).collect();
                c.vocabulary.add(
                    &crate::matching::mentor_text(&r.headline, &r.bio),
                    &listed,
                    Writer::Mentor,
                );
                if listed.is_empty() {
                    unlisted_mentors.push((id, r));
                    continue;
                }
                let load = loads.get(&id).copied().unwrap_or(0) as i32;
                let p = c.mentor_profile(id, &r, load);
                c.mentors.put(p);
            }
        }
        for (id, r) in unlisted_investors {
            let mut p = c.investor_profile(id, &r);
            p.record = c.track_record(id, None);
            c.investors.put(p);
        }
        for (id, r) in unlisted_mentors {
            let load = loads.get(&id).copied().unwrap_or(0) as i32;
            let p = c.mentor_profile(id, &r, load);
            c.mentors.put(p);
        }
        let mut after = 0;
        let mut feedback = Vec::new();
        loop {
            let page = store.match_feedback_after(after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            feedback.extend(page.into_iter().map(|(_, f)| f));
        }
        c.set_startup_verdicts(&[], &feedback);
        c.set_counterpart_verdicts(&[], &feedback);
        let fitted = c.learn(&self.weights, self.clock.today());
        tracing::info!(
            deals = fitted,
            weights = ?c.weights.investor,
            affinity = ?c.affinity,
            "matching weights"
        );
        tracing::info!(
            startups = c.startups.live(),
            investors = c.investors.live(),
            mentors = c.mentors.live(),
            "matching engine loaded"
        );
        *self.write()? = c;
        Ok(position)
    }

    /// Reloads every profile changed after `position`; returns the new
    /// position.
    pub async fn catch_up(
        &self,
        store: &Store,
        mut position: ChangePosition,
    ) -> Result<ChangePosition, MatchError> {
        loop {
            let (changes, next) = store.change_log_after(position, BATCH).await?;
            if changes.is_empty() {
                return Ok(next);
            }
            let mut startups = HashSet::new();
            let mut investors = HashSet::new();
            let mut mentors = HashSet::new();
            for change in &changes {
                match DocKind::parse(&change.kind) {
                    Some(DocKind::Startup) => startups.insert(change.id),
                    Some(DocKind::Investor) => investors.insert(change.id),
                    Some(DocKind::Mentor) => mentors.insert(change.id),
                    _ => false,
                };
            }
            let startups: Vec<i64> = startups.into_iter().collect();
            let investors: Vec<i64> = investors.into_iter().collect();
            let mentors: Vec<i64> = mentors.into_iter().collect();
            self.reload(store, &startups, &investors, &mentors).await?;
            position = next;
        }
    }

    pub(super) async fn reload(
        &self,
        store: &Store,
        startups: &[i64],
        investors: &[i64],
        mentors: &[i64],
    ) -> Result<(), MatchError> {
        // Read everything first, then change the catalogue in one go.
        let startup_rows = store.startup_drafts(RecordSelect::Ids(startups)).await?;
        let startup_deals = store.investments_by_startups(startups).await?;
        let startup_feedback = store.match_feedback_of_startups(startups).await?;
        let investor_rows = store.investor_drafts(RecordSelect::Ids(investors)).await?;
        let investor_deals = store.investments_by_investors(investors).await?;
        let investor_feedback = store
            .match_feedback_of(DocCounterpart::Investor, investors)
            .await?;
        let mentor_rows = store.mentor_drafts(RecordSelect::Ids(mentors)).await?;
        let loads: HashMap<i64, i64> = store
            .mentor_loads(Some(mentors))
            .await?
            .into_iter()
            .collect();
        let mentor_feedback = store
            .match_feedback_of(DocCounterpart::Mentor, mentors)
            .await?;
        let unknown = {
            let c = self.read()?;
            startup_rows
                .iter()
                .any(|(_, r)| !c.names.knows(&r.sectors, r.province.as_ref()))
                || mentor_rows
                    .iter()
                    .any(|(_, r)| !c.names.knows(&r.sectors, r.province.as_ref()))
                || investor_rows.iter().any(|(_, r)| {
                    !c.names.knows(&r.sectors, None)
                        || r.provinces
                            .iter()
                            .any(|p| !c.names.province_keys.contains_key(p))
                })
        };
        let mut names = NameTable::default();
        if unknown {
            names.refresh(store).await?;
        }

        let mut c = self.write()?;
        if unknown {
            for (key, vi, en) in names.sectors {
                let r = c.names.intern_sector(&key);
                c.names.sectors[r as usize] = (key, vi, en);
            }
            let regions = names.regions;
            for (key, r) in names.province_keys {
                let (name, region) = &names.provinces[r as usize];
                let region = region.map(|x| c.names.intern_region(&regions[x as usize]));
                let mine = c.names.intern_province(&key);
                c.names.provinces[mine as usize] = (name.clone(), region);
            }
            c.lexicon = prose::Lexicon::new(&c.names.sectors);
        }
        let mut invested: HashMap<i64, Vec<i64>> = HashMap::new();
        for x in &startup_deals {
            invested
                .entry(x.startup_id)
                .or_default()
                .push(x.investor_id);
        }
        let present: HashSet<i64> = startup_rows.iter().map(|(id, _)| *id).collect();
        for (id, r) in &startup_rows {
            let p = c.startup_profile(*id, r, invested.remove(id).unwrap_or_default());
            c.startups.put(p);
        }
        for id in startups.iter().filter(|id| !present.contains(id)) {
            c.startups.remove(*id);
        }
        c.set_startup_verdicts(startups, &startup_feedback);

        for id in investors {
            c.deals.remove(id);
        }
        for x in investor_deals.iter().filter(|x| !x.confidential) {
            c.deals
                .entry(x.investor_id)
                .or_default()
                .push((x.startup_id, x.round, x.date));
        }
        let present: HashSet<i64> = investor_rows.iter().map(|(id, _)| *id).collect();
        for (id, r) in &investor_rows {
            let mut p = c.investor_profile(*id, r);
            p.record = c.track_record(*id, None);
            c.investors.put(p);
        }
        for id in investors.iter().filter(|id| !present.contains(id)) {
            c.investors.remove(*id);
            c.deals.remove(id);
        }
        let who: Vec<Recipient> = investors.iter().map(|i| Recipient::Investor(*i)).collect();
        c.set_counterpart_verdicts(&who, &investor_feedback);

        let present: HashSet<i64> = mentor_rows.iter().map(|(id, _)| *id).collect();
        for (id, r) in &mentor_rows {
            let load = loads.get(id).copied().unwrap_or(0) as i32;
            let p = c.mentor_profile(*id, r, load);
            c.mentors.put(p);
        }
        for id in mentors.iter().filter(|id| !present.contains(id)) {
            c.mentors.remove(*id);
        }
        let who: Vec<Recipient> = mentors.iter().map(|m| Recipient::Mentor(*m)).collect();
        c.set_counterpart_verdicts(&who, &mentor_feedback);
        Ok(())
    }
}

/// The engine's side of the change log: it loads everything at start and
/// when the log was pruned past it, and reloads the profiles that changed.
impl crate::changes::Follower for Matching {
    type State = ChangePosition;
    type Error = MatchError;

    fn name(&self) -> &'static str {
        "the matching engine"
    }

    async fn start(&self, store: &Store) -> Result<ChangePosition, MatchError> {
        self.load(store).await
    }

    async fn rebuild(&self, store: &Store) -> Result<ChangePosition, MatchError> {
        self.load(store).await
    }

    async fn catch_up(&self, store: &Store, at: &mut ChangePosition) -> Result<(), MatchError> {
        *at = Matching::catch_up(self, store, *at).await?;
        Ok(())
    }

    fn pruned_past(error: &MatchError) -> bool {
        matches!(error, MatchError::Store(StoreError::ChangeLogPruned))
    }

    fn caught_up(&self) {
        self.ready.store(true, Ordering::Release);
    }
}
