//! Ranking: the candidates of a startup (investors, mentors) and of an
//! investor or a mentor (startups), each scanned in slot order and passed
//! over by an upper bound before its full score is worked out.

use super::*;

impl Matching {
    /// A filter's sector and province keys as references; `None` when a
    /// key names nothing (so the filter matches nothing).
    pub(super) fn places_and_sectors(
        c: &Catalogue,
        filter: &MatchFilter,
    ) -> Option<(Vec<SectorRef>, Vec<PlaceRef>)> {
        let sectors = filter
            .sectors
            .iter()
            .map(|k| c.names.sector_keys.get(k).copied())
            .collect::<Option<Vec<_>>>()?;
        let provinces = filter
            .provinces
            .iter()
            .map(|k| c.names.province_keys.get(k).copied())
            .collect::<Option<Vec<_>>>()?;
        Some((sectors, provinces))
    }

    pub(super) fn text_hits(&self, kind: DocKind, text: &str) -> Result<IdMap<f32>, MatchError> {
        let hits = self
            .index
            .similar(kind, text, self.weights.text_candidates)?;
        Ok(relative(&hits))
    }

    /// Text scores relative to the best in a pool (see [`SearchIndex::pool`]).
    pub(super) fn pool_hits(
        &self,
        pool: &crate::search::SimilarPool,
        text: &str,
    ) -> Result<IdMap<f32>, MatchError> {
        Ok(relative(&pool.similar(text, usize::MAX)?))
    }
}

/// Scoring, with the catalogue's weights (configured, or learned from its
/// history).
impl Catalogue {
    pub(super) fn score_investor(
        &self,
        s: &StartupProfile,
        i: &InvestorProfile,
        text: Option<f32>,
        feedback: Option<Share>,
        demand: Option<u32>,
        today: NaiveDate,
    ) -> Scored {
        let w = &self.weights.investor;
        let mut scored = Scored::new();
        scored.push(
            factors::sector_read(&s.sectors, &i.sectors, i.sectors_read),
            w.sector,
        );
        scored.push(factors::stage(s.stage, i.stages), w.stage);
        scored.push(
            factors::ticket(s.seeking_vnd, i.ticket_min, i.ticket_max),
            w.ticket,
        );
        scored.push(
            factors::investor_geography(s.place, &i.provinces, &i.regions),
            w.geography,
        );
        scored.push(factors::text(text), w.text);
        scored.push(
            factors::track_record(&i.record, &s.sectors, s.stage),
            w.track_record,
        );
        scored.push(
            factors::portfolio(&s.backed(), &i.record, &self.affinity),
            w.portfolio,
        );
        scored.push(factors::activity(i.record.last, today), w.activity);
        let preferences = factors::preferences(&s.sectors, s.tags, i);
        if preferences.score == 0.0 {
            // It said it does not invest there.
            scored.requirement = factors::RULED_OUT;
        }
        scored.push(preferences, w.preferences);
        if let Some(f) = feedback {
            scored.push(f, w.feedback);
        }
        scored.dampening = demand.map(|d| factors::dampening(d, self.weights.popularity));
        scored
    }

    /// An upper bound of [`Catalogue::score_investor`]'s score: every
    /// factor exactly but feedback (at its best when the user has said
    /// anything), times `damping` (the popularity multiplier, or 1 where
    /// there is none), with none of the explanations built.
    pub(super) fn investor_bound(
        &self,
        s: &StartupProfile,
        i: &InvestorProfile,
        text: Option<f32>,
        feedback: bool,
        today: NaiveDate,
        damping: f32,
    ) -> f32 {
        let w = &self.weights.investor;
        let sum = w.sector * factors::sector_score(&s.sectors, &i.sectors)
            + w.stage * factors::stage(s.stage, i.stages).score
            + w.ticket * factors::ticket(s.seeking_vnd, i.ticket_min, i.ticket_max).score
            + w.geography * factors::investor_geography(s.place, &i.provinces, &i.regions).score
            + w.text * factors::text(text).score
            + w.track_record * factors::track_record(&i.record, &s.sectors, s.stage).score
            + w.portfolio * factors::portfolio_score(&s.backed(), &i.record, &self.affinity)
            + w.activity * factors::activity(i.record.last, today).score
            + w.preferences * factors::preferences(&s.sectors, s.tags, i).score;
        with_feedback(sum, w.without_feedback(), feedback.then_some(w.feedback)) * damping
    }

    /// An upper bound of [`Catalogue::score_investor`]'s score before
    /// dampening, from the packed key alone: exact in every factor but
    /// track record (as if every backed sector were the startup's, every
    /// deal at its stage), portfolio (as if every startup backed were just
    /// like it) and feedback (at its best when the user has said anything).
    pub(super) fn investor_key_bound(
        &self,
        s: &StartupProfile,
        k: &InvestorKey,
        text: Option<f32>,
        feedback: bool,
        today: i32,
    ) -> f32 {
        let w = &self.weights.investor;
        let recent = k.last_deal != i32::MIN
            && i64::from(today) - i64::from(k.last_deal) <= factors::RECENT_DAYS;
        let sum = w.sector * factors::sector_score(&s.sectors, &k.sectors)
            + w.stage * factors::stage(s.stage, u32::from(k.stages)).score
            + w.ticket
                * factors::ticket(s.seeking_vnd, Some(k.ticket_min), Some(k.ticket_max)).score
            + w.geography * k.geography(s.place)
            + w.text * factors::text(text).score
            + w.track_record * k.track_record
            + w.portfolio * k.portfolio
            + w.activity * if recent { 1.0 } else { 0.6 }
            + w.preferences;
        with_feedback(sum, w.without_feedback(), feedback.then_some(w.feedback)) * BOUND_SLACK
    }

    /// What [`Catalogue::investor_bound`] computes alike for every startup
    /// of one investor's deal flow, worked out once (see [`DealBound`]).
    pub(super) fn deal_bound(&self, i: &InvestorProfile, today: NaiveDate) -> DealBound {
        let w = &self.weights.investor;
        let in_sectors: u32 = i.record.sectors.iter().map(|(_, n)| n).sum();
        let by_stage = std::array::from_fn(|n| {
            let stage = Stage::ALL[n];
            let track = if i.record.deals == 0 {
                0.0
            } else {
                factors::track_record_score(in_sectors, i.record.stages[n])
            };
            w.stage * factors::stage(stage, i.stages).score
                + w.track_record * track
                + w.portfolio * factors::portfolio_ceiling_at(stage, &i.record, &self.affinity)
        });
        DealBound {
            by_stage,
            fixed: w.ticket
                + w.activity * factors::activity(i.record.last, today).score
                + w.preferences,
        }
    }

    /// An upper bound of [`Catalogue::investor_bound`] (without damping)
    /// from a [`DealBound`]: exact but for the ticket (at its best), track
    /// record (as if every backed sector were the startup's) and portfolio
    /// (as if every startup backed were like it but for the stage).
    pub(super) fn deal_quick_bound(
        &self,
        d: &DealBound,
        s: &StartupProfile,
        i: &InvestorProfile,
        text: Option<f32>,
        feedback: bool,
    ) -> f32 {
        let w = &self.weights.investor;
        let sum = d.fixed
            + d.by_stage[s.stage.index() as usize]
            + w.sector * factors::sector_score(&s.sectors, &i.sectors)
            + w.geography * factors::investor_geography(s.place, &i.provinces, &i.regions).score
            + w.text * factors::text(text).score;
        with_feedback(sum, w.without_feedback(), feedback.then_some(w.feedback)) * BOUND_SLACK
    }

    /// An upper bound of [`Catalogue::score_mentor`]'s score (as
    /// [`Catalogue::investor_bound`]).
    pub(super) fn mentor_bound(
        &self,
        s: &StartupProfile,
        m: &MentorProfile,
        text: Option<f32>,
        feedback: bool,
    ) -> f32 {
        let w = &self.weights.mentor;
        let sum = w.sector * factors::sector_score(&s.sectors, &m.sectors)
            + w.needs * factors::needs(s.needs, s.needs_asked, m.expertise, m.from_bio).score
            + w.geography * factors::mentor_geography(s.place, m.place).score
            + w.language * factors::language(s.languages, m.languages).score
            + w.text * factors::text(text).score
            + w.capacity * factors::capacity(m.remaining()).score;
        let total = w.sector + w.needs + w.geography + w.language + w.text + w.capacity;
        with_feedback(sum, total, feedback.then_some(w.feedback))
    }

    pub(super) fn score_mentor(
        &self,
        s: &StartupProfile,
        m: &MentorProfile,
        text: Option<f32>,
        feedback: Option<Share>,
        demand: Option<u32>,
    ) -> Scored {
        let w = &self.weights.mentor;
        let mut scored = Scored::new();
        scored.push(
            factors::sector_read(&s.sectors, &m.sectors, m.sectors_read),
            w.sector,
        );
        scored.push(
            factors::needs(s.needs, s.needs_asked, m.expertise, m.from_bio),
            w.needs,
        );
        scored.push(factors::mentor_geography(s.place, m.place), w.geography);
        let language = factors::language(s.languages, m.languages);
        if language.why == factors::Why::LanguageNone {
            // Close to a requirement: a mentor who reads and speaks none of
            // the languages of the startup's profile can hardly mentor it.
            scored.requirement = factors::NO_COMMON_LANGUAGE;
        }
        scored.push(language, w.language);
        scored.push(factors::text(text), w.text);
        scored.push(factors::capacity(m.remaining()), w.capacity);
        if let Some(f) = feedback {
            scored.push(f, w.feedback);
        }
        scored.dampening = demand.map(|d| factors::dampening(d, self.weights.popularity));
        scored
    }
}

impl Matching {
    pub(super) fn finish(c: &Catalogue, id: i64, scored: &Scored, lang: Lang) -> Match {
        Match {
            id,
            score: scored.score(),
            reasons: scored
                .reasons()
                .into_iter()
                .map(|r| MatchReason {
                    factor: r.share.factor,
                    score: r.share.score,
                    weight: r.weight,
                    explanation: explain::explain(&r.share.why, lang, &c.names),
                })
                .collect(),
        }
    }

    /// The investors that fit a startup best, at most `limit`, with
    /// reasons; `text` is the startup's tagline and description. `None`
    /// when the startup is unknown to the engine.
    pub fn investor_matches(
        &self,
        startup: i64,
        text: &str,
        filter: &MatchFilter,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<Vec<Match>>, MatchError> {
        let hits = self.text_hits(DocKind::Investor, text)?;
        let c = self.read()?;
        let Some(s) = c.startups.get(startup) else {
            return Ok(None);
        };
        let Some((sectors, provinces)) = Self::places_and_sectors(&c, filter) else {
            return Ok(Some(vec![]));
        };
        let said = self.startup_said_investors(&c, startup);
        let today = self.clock.today();
        let feedback = said.counts();
        let mut ranker = Ranker::new(limit, filter.min_score);
        // Those it has invested in or dismissed, by slot.
        let mut excluded: Vec<u32> = s
            .investors
            .iter()
            .copied()
            .chain(said.dismissed_ids())
            .filter_map(|id| c.investors.slots.get(&id).copied())
            .collect();
        excluded.sort_unstable();
        let kinds: Vec<u8> = filter.kinds.iter().map(|k| *k as u8).collect();
        let province_bits = provinces
            .iter()
            .try_fold(0u64, |b, r| (*r < 64).then(|| b | 1 << r));
        let today_day = today.num_days_from_ce();
        let popularity = self.weights.popularity;
        c.investors.visit(&hits, &s.sectors, |slot, text| {
            let k = &c.investors.keys[slot as usize];
            if !k.active || (!excluded.is_empty() && excluded.binary_search(&slot).is_ok()) {
                return;
            }
            if !kinds.is_empty() && !kinds.contains(&k.kind) {
                return;
            }
            if !sectors.is_empty() && !k.sectors.iter().any(|x| sectors.contains(x)) {
                return;
            }
            // Nationwide investors fit every province filter.
            if !provinces.is_empty() && (k.provinces != 0 || !k.exact_places) {
                let inside = match province_bits.filter(|_| k.exact_places) {
                    Some(bits) => k.provinces & bits != 0,
                    None => c.investors.rows[slot as usize].as_ref().is_some_and(|i| {
                        i.provinces.is_empty() || i.provinces.iter().any(|p| provinces.contains(p))
                    }),
                };
                if !inside {
                    return;
                }
            }
            // A bound from the packed key first: most candidates end here,
            // without reading their rows. Votes only add to the deals'
            // demand: damping by the deals alone is at least the real one.
            let bound = c.investor_key_bound(s, k, text, feedback, today_day);
            if ranker.pass(bound)
                || ranker.pass(bound * factors::dampening(k.deals, popularity).score)
            {
                return;
            }
            let Some(i) = c.investors.rows[slot as usize].as_ref() else {
                return;
            };
            let demand = c.demand_of(Recipient::Investor(i.id), i.record.deals);
            let damping = factors::dampening(demand, popularity).score;
            let bound = c.investor_bound(s, i, text, feedback, today, damping);
            ranker.offer(bound, i.id, slot, || {
                c.score_investor(
                    s,
                    i,
                    text,
                    said.share(i.id, investor_traits(i)),
                    Some(demand),
                    today,
                )
                .score()
            });
        });
        let best = ranker.sorted();
        Ok(Some(
            best.into_iter()
                .map(|(_, id, slot)| {
                    let i = c.investors.rows[slot as usize].as_ref().expect("live row");
                    let scored = c.score_investor(
                        s,
                        i,
                        hits.get(&id).copied(),
                        said.share(id, investor_traits(i)),
                        Some(c.demand(Recipient::Investor(id))),
                        today,
                    );
                    Self::finish(&c, id, &scored, lang)
                })
                .collect(),
        ))
    }

    /// The mentors that fit a startup best (with places left), at most
    /// `limit`, with reasons. `None` when the startup is unknown.
    pub fn mentor_matches(
        &self,
        startup: i64,
        text: &str,
        filter: &MatchFilter,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<Vec<Match>>, MatchError> {
        let hits = self.text_hits(DocKind::Mentor, text)?;
        let c = self.read()?;
        let Some(s) = c.startups.get(startup) else {
            return Ok(None);
        };
        let best = self.rank_mentors(&c, s, &hits, filter, None, limit)?;
        let said = self.startup_said_mentors(&c, startup);
        Ok(Some(
            best.into_iter()
                .map(|(_, id, slot)| {
                    let m = c.mentors.rows[slot as usize].as_ref().expect("live row");
                    let scored = c.score_mentor(
                        s,
                        m,
                        hits.get(&id).copied(),
                        said.share(id, mentor_traits(m)),
                        Some(c.demand(Recipient::Mentor(id))),
                    );
                    Self::finish(&c, id, &scored, lang)
                })
                .collect(),
        ))
    }

    pub(super) fn startup_said_investors<'a>(&self, c: &'a Catalogue, startup: i64) -> Said<'a> {
        Said::new(
            c.startup_verdicts
                .get(&startup)
                .into_iter()
                .flatten()
                .filter_map(|(r, v)| match r {
                    Recipient::Investor(id) => Some((*id, *v)),
                    Recipient::Mentor(_) => None,
                }),
            |id| c.investors.get(id).map(investor_traits),
        )
    }

    pub(super) fn startup_said_mentors<'a>(&self, c: &'a Catalogue, startup: i64) -> Said<'a> {
        Said::new(
            c.startup_verdicts
                .get(&startup)
                .into_iter()
                .flatten()
                .filter_map(|(r, v)| match r {
                    Recipient::Mentor(id) => Some((*id, *v)),
                    Recipient::Investor(_) => None,
                }),
            |id| c.mentors.get(id).map(mentor_traits),
        )
    }

    /// Every fitting mentor of a startup as `(score, id, slot)`, unsorted;
    /// among `only` when given.
    pub(super) fn rank_mentors(
        &self,
        c: &Catalogue,
        s: &StartupProfile,
        hits: &IdMap<f32>,
        filter: &MatchFilter,
        only: Option<&HashSet<i64>>,
        k: usize,
    ) -> Result<Vec<(f32, i64, u32)>, MatchError> {
        let Some((sectors, provinces)) = Self::places_and_sectors(c, filter) else {
            return Ok(vec![]);
        };
        let topics = factors::topic_bits(&filter.expertise);
        let languages = filter
            .languages
            .iter()
            .fold(0u8, |b, l| b | factors::language_bit(l));
        let said = self.startup_said_mentors(c, s.id);
        let feedback = said.counts();
        let mut ranker = Ranker::new(k, filter.min_score);
        let mut consider = |slot: u32, text: Option<f32>| {
            let Some(m) = c.mentors.rows[slot as usize].as_ref() else {
                return;
            };
            if m.remaining() <= 0 || said.dismissed(m.id) {
                return;
            }
            if topics != 0 && m.expertise & topics == 0 {
                return;
            }
            if languages != 0 && m.languages & languages == 0 {
                return;
            }
            if !sectors.is_empty() && !m.sectors.iter().any(|x| sectors.contains(x)) {
                return;
            }
            if !provinces.is_empty() && !m.place.province.is_some_and(|p| provinces.contains(&p)) {
                return;
            }
            let bound = c.mentor_bound(s, m, text, feedback);
            ranker.offer(bound, m.id, slot, || {
                c.score_mentor(
                    s,
                    m,
                    text,
                    said.share(m.id, mentor_traits(m)),
                    Some(c.demand(Recipient::Mentor(m.id))),
                )
                .score()
            });
        };
        match only {
            Some(only) => {
                let mut slots: Vec<(u32, Option<f32>)> = only
                    .iter()
                    .filter_map(|id| Some((*c.mentors.slots.get(id)?, hits.get(id).copied())))
                    .collect();
                slots.sort_unstable_by_key(|(slot, _)| *slot);
                for (slot, text) in slots {
                    consider(slot, text);
                }
            }
            None => c.mentors.visit(hits, &s.sectors, consider),
        }
        Ok(ranker.sorted())
    }

    /// The startups that fit an investor best: from `offset`, at most
    /// `limit`, whether more follow, and how many fit in all; `text` is the
    /// investor's thesis.
    /// `None` when the investor is unknown.
    pub fn deal_flow(
        &self,
        investor: i64,
        text: &str,
        filter: &MatchFilter,
        offset: usize,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<(Vec<Match>, bool, usize)>, MatchError> {
        let hits = self.text_hits(DocKind::Startup, text)?;
        let c = self.read()?;
        let Some(i) = c.investors.get(investor) else {
            return Ok(None);
        };
        let who = Recipient::Investor(investor);
        let today = self.clock.today();
        let d = c.deal_bound(i, today);
        let (ranked, total) = self.rank_startups(
            &c,
            who,
            &hits,
            filter,
            offset + limit,
            (
                |s, text, feedback| {
                    (!s.investors.contains(&investor))
                        .then(|| c.deal_quick_bound(&d, s, i, text, feedback))
                },
                |s, text, feedback, _| c.investor_bound(s, i, text, feedback, today, 1.0),
                |s, text, fb| c.score_investor(s, i, text, fb, None, today),
            ),
        )?;
        let more = total > offset + limit;
        let best: Vec<(f32, i64, u32)> = ranked.into_iter().skip(offset).collect();
        let said = self.counterpart_said(&c, who);
        let out = best
            .into_iter()
            .map(|(_, id, slot)| {
                let s = c.startups.rows[slot as usize].as_ref().expect("live row");
                let scored = c.score_investor(
                    s,
                    i,
                    hits.get(&id).copied(),
                    said.share(id, startup_traits(s)),
                    None,
                    today,
                );
                Self::finish(&c, id, &scored, lang)
            })
            .collect();
        Ok(Some((out, more, total)))
    }

    /// The startups a mentor fits best: at most `limit`; `text` is the
    /// mentor's headline and bio. `None` when the mentor is unknown.
    pub fn suggested_startups(
        &self,
        mentor: i64,
        text: &str,
        filter: &MatchFilter,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<Vec<Match>>, MatchError> {
        let hits = self.text_hits(DocKind::Startup, text)?;
        let c = self.read()?;
        let Some(m) = c.mentors.get(mentor) else {
            return Ok(None);
        };
        let who = Recipient::Mentor(mentor);
        let (best, _) = self.rank_startups(
            &c,
            who,
            &hits,
            filter,
            limit,
            (
                |s, text, feedback| Some(c.mentor_bound(s, m, text, feedback)),
                // The first bound is already exact but for feedback.
                |_, _, _, first| first,
                |s, text, fb| c.score_mentor(s, m, text, fb, None),
            ),
        )?;
        let said = self.counterpart_said(&c, who);
        Ok(Some(
            best.into_iter()
                .map(|(_, id, slot)| {
                    let s = c.startups.rows[slot as usize].as_ref().expect("live row");
                    let scored = c.score_mentor(
                        s,
                        m,
                        hits.get(&id).copied(),
                        said.share(id, startup_traits(s)),
                        None,
                    );
                    Self::finish(&c, id, &scored, lang)
                })
                .collect(),
        ))
    }

    pub(super) fn counterpart_said<'a>(&self, c: &'a Catalogue, who: Recipient) -> Said<'a> {
        Said::new(
            c.counterpart_verdicts
                .get(&who)
                .into_iter()
                .flatten()
                .copied(),
            |id| c.startups.get(id).map(startup_traits),
        )
    }

    /// The best `k` startups for `who` as `(score, id, slot)` and how many
    /// fit in all. Each candidate gets `quick`, a cheap upper bound
    /// (`None`: excluded), then, unless that already rules it out, `bound`,
    /// a tighter one (it is given the first, and may return it when that
    /// is as tight), and `score` only when it may enter the best `k`.
    pub(super) fn rank_startups<'c>(
        &self,
        c: &'c Catalogue,
        who: Recipient,
        hits: &IdMap<f32>,
        filter: &MatchFilter,
        k: usize,
        (quick, bound, score): (
            impl Fn(&'c StartupProfile, Option<f32>, bool) -> Option<f32>,
            impl Fn(&'c StartupProfile, Option<f32>, bool, f32) -> f32,
            impl Fn(&'c StartupProfile, Option<f32>, Option<Share>) -> Scored,
        ),
    ) -> Result<RankedList, MatchError> {
        let sectors_of_who: &[SectorRef] = match who {
            Recipient::Investor(id) => c.investors.get(id).map_or(&[], |i| &i.sectors),
            Recipient::Mentor(id) => c.mentors.get(id).map_or(&[], |m| &m.sectors),
        };
        let Some((sectors, provinces)) = Self::places_and_sectors(c, filter) else {
            return Ok((vec![], 0));
        };
        let stages = factors::stage_bits(&filter.stages);
        let said = self.counterpart_said(c, who);
        let feedback = said.counts();
        let wanted = if sectors.is_empty() {
            sectors_of_who
        } else {
            &sectors[..]
        };
        let mut ranker = Ranker::new(k, filter.min_score);
        c.startups.visit(hits, wanted, |slot, text| {
            let Some(s) = c.startups.rows[slot as usize].as_ref() else {
                return;
            };
            if said.dismissed(s.id) {
                return;
            }
            if stages != 0 && stages & (1 << s.stage.index()) == 0 {
                return;
            }
            if !sectors.is_empty() && !s.sectors.iter().any(|x| sectors.contains(x)) {
                return;
            }
            if !provinces.is_empty() && !s.place.province.is_some_and(|p| provinces.contains(&p)) {
                return;
            }
            let Some(first) = quick(s, text, feedback) else {
                return;
            };
            if ranker.pass(first) {
                return;
            }
            ranker.offer(bound(s, text, feedback, first), s.id, slot, || {
                score(s, text, said.share(s.id, startup_traits(s))).score()
            });
        });
        let count = ranker.count;
        Ok((ranker.sorted(), count))
    }
}

/// The best candidates as `(score, id, slot)`, and how many there were.
pub(super) type RankedList = (Vec<(f32, i64, u32)>, usize);

/// A candidate's place in a ranking: by score, then the lower id first.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ranked(f32, i64, u32);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    /// Greater is better.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

/// Keeps the best `k` candidates, and counts those scoring at least
/// `min_score`. A candidate's cheap upper bound decides whether its full
/// score is worth computing: one that cannot enter the best `k` is only
/// counted (when `min_score` is 0, the bound alone decides that too).
pub(super) struct Ranker {
    k: usize,
    min_score: f32,
    best: std::collections::BinaryHeap<std::cmp::Reverse<Ranked>>,
    count: usize,
}

impl Ranker {
    pub(super) fn new(k: usize, min_score: f32) -> Ranker {
        Ranker {
            k,
            min_score,
            best: std::collections::BinaryHeap::new(),
            count: 0,
        }
    }

    /// Whether a candidate scoring at most `bound` can be passed over
    /// without a closer look (then counted as [`Ranker::offer`] would).
    pub(super) fn pass(&mut self, bound: f32) -> bool {
        if bound < self.min_score {
            return true;
        }
        let full = self.best.len() >= self.k;
        if self.min_score <= 0.0 && full && self.best.peek().is_some_and(|w| bound < w.0.0) {
            self.count += 1;
            return true;
        }
        false
    }

    pub(super) fn offer(&mut self, bound: f32, id: i64, slot: u32, full: impl FnOnce() -> f32) {
        if bound < self.min_score {
            return;
        }
        if self.min_score <= 0.0 {
            self.count += 1;
            if self.best.len() >= self.k && self.best.peek().is_some_and(|w| bound < w.0.0) {
                return;
            }
            self.push(Ranked(full(), id, slot));
        } else {
            let score = full();
            if score >= self.min_score {
                self.count += 1;
                self.push(Ranked(score, id, slot));
            }
        }
    }

    pub(super) fn push(&mut self, r: Ranked) {
        if self.k == 0 {
            return;
        }
        if self.best.len() < self.k {
            self.best.push(std::cmp::Reverse(r));
        } else if self.best.peek().is_some_and(|w| r > w.0) {
            self.best.pop();
            self.best.push(std::cmp::Reverse(r));
        }
    }

    /// The best first, as `(score, id, slot)`.
    pub(super) fn sorted(self) -> Vec<(f32, i64, u32)> {
        let mut out: Vec<Ranked> = self.best.into_iter().map(|r| r.0).collect();
        out.sort_by(|a, b| b.cmp(a));
        out.into_iter().map(|r| (r.0, r.1, r.2)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranker_keeps_the_best_by_score_then_id_and_counts() {
        let all = [(0.5, 3), (0.9, 2), (0.5, 1), (0.1, 4), (0.7, 5)];
        let ids = |r: Ranker| r.sorted().into_iter().map(|x| x.1).collect::<Vec<_>>();
        let mut r = Ranker::new(3, 0.0);
        for (score, id) in all {
            r.offer(score, id, 0, || score);
        }
        assert_eq!(r.count, 5);
        assert_eq!(ids(r), vec![2, 5, 1]);
        // A bound below the threshold skips the full score, but counts.
        let mut r = Ranker::new(1, 0.0);
        r.offer(0.9, 1, 0, || 0.9);
        r.offer(0.5, 2, 0, || panic!("cannot enter the best one"));
        assert_eq!(r.count, 2);
        // Passing over counts as offering would.
        let mut r = Ranker::new(1, 0.0);
        assert!(!r.pass(0.5), "room left");
        r.offer(0.9, 1, 0, || 0.9);
        assert!(r.pass(0.5));
        assert!(!r.pass(0.95));
        assert_eq!(r.count, 2);
        // With a minimum score, only those reaching it count.
        let mut r = Ranker::new(10, 0.6);
        for (score, id) in all {
            r.offer(score, id, 0, || score);
        }
        assert_eq!(r.count, 2);
        assert_eq!(ids(r), vec![2, 5]);
    }
}
