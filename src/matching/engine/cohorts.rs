//! Cohorts and events: the optimal mentor assignment of a cohort, and
//! one-to-one meeting schedules at an event.

use super::*;

impl Matching {
    /// Assigns mentors to a cohort: each startup gets up to `per_startup`
    /// mentors, no mentor more startups than their places left, and the
    /// total score is the greatest possible. `mentors` limits the choice
    /// (default: each startup's [`COHORT_CANDIDATES`] best mentors with
    /// places left). `texts` are the startups' taglines and descriptions,
    /// by id.
    pub fn assign_mentors(
        &self,
        startups: &[i64],
        texts: &HashMap<i64, String>,
        mentors: Option<&[i64]>,
        per_startup: u32,
        lang: Lang,
    ) -> Result<Assignment, MatchError> {
        let pool = match mentors {
            Some(ids) => Some(self.index.pool(DocKind::Mentor, ids)?),
            None => None,
        };
        let mut hits = HashMap::new();
        for id in startups {
            if let Some(text) = texts.get(id) {
                let found = match &pool {
                    Some(pool) => self.pool_hits(pool, text)?,
                    None => self.text_hits(DocKind::Mentor, text)?,
                };
                hits.insert(*id, found);
            }
        }
        let c = self.read()?;
        let only: Option<HashSet<i64>> = mentors.map(|m| m.iter().copied().collect());
        let mut mentor_index: HashMap<i64, usize> = HashMap::new();
        let mut mentor_ids: Vec<i64> = Vec::new();
        let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
        let mut out = Assignment::default();
        let none = IdMap::default();
        let mut known = Vec::new();
        for id in startups {
            let Some(s) = c.startups.get(*id) else {
                out.unassigned.push((*id, Unassigned::UnknownStartup));
                continue;
            };
            let left = known.len();
            known.push(*id);
            // Among given mentors every pair counts; otherwise each startup's
            // best few are its candidates (the flow stays small).
            let k = if only.is_some() {
                usize::MAX
            } else {
                COHORT_CANDIDATES
            };
            let ranked = self.rank_mentors(
                &c,
                s,
                hits.get(id).unwrap_or(&none),
                &MatchFilter::default(),
                only.as_ref(),
                k,
            )?;
            for (score, mentor, _) in ranked {
                let right = *mentor_index.entry(mentor).or_insert_with(|| {
                    mentor_ids.push(mentor);
                    mentor_ids.len() - 1
                });
                pairs.push((left, right, score));
            }
        }
        let left_capacity = vec![per_startup; known.len()];
        let right_capacity: Vec<u32> = mentor_ids
            .iter()
            .map(|m| c.mentors.get(*m).map_or(0, |m| m.remaining().max(0) as u32))
            .collect();
        let chosen = assign::assign(&left_capacity, &right_capacity, &pairs);
        let score_of: HashMap<(usize, usize), f32> =
            pairs.iter().map(|(l, r, s)| ((*l, *r), *s)).collect();
        let mut matched = vec![false; known.len()];
        let mut by_startup: Vec<Vec<(f32, usize)>> = vec![Vec::new(); known.len()];
        for (l, r) in &chosen {
            matched[*l] = true;
            by_startup[*l].push((score_of[&(*l, *r)], *r));
        }
        for (l, startup) in known.iter().enumerate() {
            let s = c.startups.get(*startup).expect("known startup");
            let said = self.startup_said_mentors(&c, *startup);
            let mut mine = std::mem::take(&mut by_startup[l]);
            mine.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (score, r) in mine {
                let m = c.mentors.get(mentor_ids[r]).expect("scored mentor");
                let scored = c.score_mentor(
                    s,
                    m,
                    hits.get(startup).and_then(|h| h.get(&m.id)).copied(),
                    said.share(m.id, mentor_traits(m)),
                    Some(c.demand(Recipient::Mentor(m.id))),
                );
                out.total += score;
                out.pairs
                    .push((*startup, Self::finish(&c, m.id, &scored, lang)));
            }
            if !matched[l] {
                let had = pairs.iter().any(|(x, _, s)| *x == l && *s > 0.0);
                let why = if had {
                    Unassigned::MentorsFull
                } else {
                    Unassigned::NoFittingMentor
                };
                out.unassigned.push((*startup, why));
            }
        }
        Ok(out)
    }

    /// Schedules one-to-one meetings at an event between its startups
    /// (ids with their texts) and its investors and mentors: each takes
    /// part in at most `max_per` meetings and one per slot, pairs the
    /// engine would exclude (inactive investors, existing investments,
    /// dismissals) never meet, and the total match score is the greatest
    /// possible. Slots count from 1.
    pub fn schedule_meetings(
        &self,
        startups: &[(i64, String)],
        investors: &[i64],
        mentors: &[i64],
        slots: u32,
        max_per: u32,
    ) -> Result<Schedule, MatchError> {
        let investor_pool = self.index.pool(DocKind::Investor, investors)?;
        let mentor_pool = self.index.pool(DocKind::Mentor, mentors)?;
        let mut hits = Vec::with_capacity(startups.len());
        for (_, text) in startups {
            hits.push((
                self.pool_hits(&investor_pool, text)?,
                self.pool_hits(&mentor_pool, text)?,
            ));
        }
        let c = self.read()?;
        let today = self.clock.today();
        let counterparts: Vec<Recipient> = investors
            .iter()
            .map(|i| Recipient::Investor(*i))
            .chain(mentors.iter().map(|m| Recipient::Mentor(*m)))
            .collect();
        let mut pairs = Vec::new();
        for (left, ((id, _), (investor_hits, mentor_hits))) in
            startups.iter().zip(&hits).enumerate()
        {
            let Some(s) = c.startups.get(*id) else {
                continue;
            };
            let said_investors = self.startup_said_investors(&c, *id);
            let said_mentors = self.startup_said_mentors(&c, *id);
            for (right, who) in counterparts.iter().enumerate() {
                let scored = match *who {
                    Recipient::Investor(i) => {
                        let Some(inv) = c.investors.get(i) else {
                            continue;
                        };
                        if !inv.active || s.investors.contains(&i) || said_investors.dismissed(i) {
                            continue;
                        }
                        c.score_investor(
                            s,
                            inv,
                            investor_hits.get(&i).copied(),
                            said_investors.share(i, investor_traits(inv)),
                            Some(c.demand(*who)),
                            today,
                        )
                    }
                    Recipient::Mentor(m) => {
                        let Some(mentor) = c.mentors.get(m) else {
                            continue;
                        };
                        if said_mentors.dismissed(m) {
                            continue;
                        }
                        c.score_mentor(
                            s,
                            mentor,
                            mentor_hits.get(&m).copied(),
                            said_mentors.share(m, mentor_traits(mentor)),
                            Some(c.demand(*who)),
                        )
                    }
                };
                pairs.push((left, right, scored.score()));
            }
        }
        let per = max_per.min(slots);
        let chosen = assign::assign(
            &vec![per; startups.len()],
            &vec![per; counterparts.len()],
            &pairs,
        );
        let colors = assign::color_edges(startups.len(), &chosen, slots as usize)
            .expect("BUG: no participant has more meetings than slots");
        let score_of: HashMap<(usize, usize), f32> =
            pairs.iter().map(|(l, r, s)| ((*l, *r), *s)).collect();
        let mut meetings: Vec<Meeting> = chosen
            .iter()
            .zip(colors)
            .map(|(&(l, r), slot)| Meeting {
                slot: slot as u32 + 1,
                startup: startups[l].0,
                counterpart: counterparts[r],
                score: score_of[&(l, r)],
            })
            .collect();
        meetings.sort_by_key(|m| (m.slot, m.startup));
        let total = meetings.iter().map(|m| m.score).sum();
        Ok(Schedule { meetings, total })
    }
}
