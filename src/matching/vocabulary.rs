//! The words each sector's profiles use, learned from the data: founders
//! describe products ("cảm biến độ ẩm cho ruộng lúa"), investors describe
//! markets ("chuỗi giá trị nông sản"), and a fitting pair often shares few
//! words. Every profile that lists sectors (startups, investors and
//! mentors alike) teaches which words go with them, in whichever register
//! it is written; [`SectorWords::sectors_of`] then reads the sectors a text
//! speaks of, by naive Bayes over its words and word pairs (Vietnamese
//! words are mostly two syllables). Words every sector uses alike
//! ("chúng tôi cam kết tạo giá trị bền vững") tell no sector from another
//! and weigh nothing.

use std::collections::HashMap;

use super::factors::SectorRef;
use super::prose::fold;

/// Profiles a sector needs before texts are read for it.
pub const MIN_PROFILES: u32 = 5;
/// A text speaks of a sector when its posterior is at least this.
pub const MIN_POSTERIOR: f32 = 0.3;
/// Words (and word pairs) read of a text, at most.
const MAX_TERMS: usize = 400;
/// Profiles counted per sector and kind of profile, at most: enough to
/// learn its words, and loading a million profiles stays quick. Per kind,
/// so that investors' markets are learned beside founders' products
/// however many more startups there are.
pub const MAX_PROFILES: u32 = 2_000;

/// Who writes a text the words are learned from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    Startup = 0,
    Investor = 1,
    Mentor = 2,
}

/// Word counts by sector.
#[derive(Debug, Default, Clone)]
pub struct SectorWords {
    /// Per term (by its hash): `(sector, count)`.
    counts: HashMap<u64, Vec<(SectorRef, f32)>>,
    /// Terms counted per sector, and profiles per sector.
    terms: Vec<f32>,
    profiles: Vec<u32>,
    /// Profiles counted per sector, by [`Writer`].
    counted: Vec<[u32; 3]>,
}

/// The words of a text, folded, and each pair of neighbouring words, by
/// their hashes (FNV-1a; a pair hashes its two words with a space).
fn terms(text: &str) -> Vec<u64> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 2 && !w.bytes().all(|b| b.is_ascii_digit()))
        .take(MAX_TERMS / 2)
        .collect();
    let hash = |parts: &[&str]| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (n, part) in parts.iter().enumerate() {
            let space = (n > 0).then_some(b' ');
            for b in space.into_iter().chain(part.bytes()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        h
    };
    let mut out: Vec<u64> = words.iter().map(|w| hash(&[w])).collect();
    out.extend(words.windows(2).map(hash));
    out
}

impl SectorWords {
    /// Counts the words of a profile by `writer` that lists `sectors` (the
    /// first counts fully, the others half), for each sector that has not
    /// [`MAX_PROFILES`] of the writer's kind counted already.
    pub fn add(&mut self, text: &str, sectors: &[SectorRef], writer: Writer) {
        let mut terms: Option<Vec<u64>> = None;
        for (n, sector) in sectors.iter().enumerate() {
            let at = usize::from(*sector);
            if self.terms.len() <= at {
                self.terms.resize(at + 1, 0.0);
                self.profiles.resize(at + 1, 0);
                self.counted.resize(at + 1, [0; 3]);
            }
            let counted = &mut self.counted[at][writer as usize];
            if *counted >= MAX_PROFILES {
                continue;
            }
            *counted += 1;
            let terms = terms.get_or_insert_with(|| self::terms(text));
            let weight = if n == 0 { 1.0 } else { 0.5 };
            self.profiles[at] += 1;
            self.terms[at] += weight * terms.len() as f32;
            for term in terms.iter() {
                let list = self.counts.entry(*term).or_default();
                match list.iter_mut().find(|(s, _)| s == sector) {
                    Some((_, c)) => *c += weight,
                    None => list.push((*sector, weight)),
                }
            }
        }
    }

    /// The sectors `text` speaks of, most likely first, with their
    /// posterior probability (at least [`MIN_POSTERIOR`], at most three).
    /// Terms no profile used are passed over; a sector with fewer than
    /// [`MIN_PROFILES`] profiles is never read.
    pub fn sectors_of(&self, text: &str) -> Vec<(SectorRef, f32)> {
        let known: Vec<usize> = (0..self.profiles.len())
            .filter(|s| self.profiles[*s] >= MIN_PROFILES)
            .collect();
        if known.len() < 2 {
            return vec![];
        }
        let vocabulary = self.counts.len() as f32;
        let profiles: u32 = known.iter().map(|s| self.profiles[*s]).sum();
        let mut log: Vec<f64> = known
            .iter()
            .map(|s| (f64::from(self.profiles[*s]) / f64::from(profiles)).ln())
            .collect();
        let mut used = 0;
        for term in terms(text) {
            let Some(list) = self.counts.get(&term) else {
                continue;
            };
            used += 1;
            for (k, s) in known.iter().enumerate() {
                let count = list
                    .iter()
                    .find(|(x, _)| usize::from(*x) == *s)
                    .map_or(0.0, |(_, c)| *c);
                // Laplace smoothing over the vocabulary.
                log[k] += f64::from((count + 1.0) / (self.terms[*s] + vocabulary)).ln();
            }
        }
        if used == 0 {
            return vec![];
        }
        let best = log.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = log.iter().map(|l| (l - best).exp()).sum();
        let mut out: Vec<(SectorRef, f32)> = known
            .iter()
            .zip(&log)
            .map(|(s, l)| (*s as SectorRef, ((l - best).exp() / total) as f32))
            .filter(|(_, p)| *p >= MIN_POSTERIOR)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out.truncate(3);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectors_are_read_from_words_learned_in_either_register() {
        let mut words = SectorWords::default();
        let boilerplate = "Chúng tôi cam kết tạo giá trị bền vững cho cộng đồng.";
        for k in 0..6 {
            // Founders' products and investors' markets, by sector.
            words.add(
                &format!("{boilerplate} Cảm biến độ ẩm cho ruộng lúa số {k}"),
                &[0],
                Writer::Startup,
            );
            words.add(
                &format!("{boilerplate} Đầu tư chuỗi giá trị nông sản, quỹ {k}"),
                &[0],
                Writer::Investor,
            );
            words.add(
                &format!("{boilerplate} Ví điện tử cho người bán hàng {k}"),
                &[1],
                Writer::Startup,
            );
            words.add(
                &format!("{boilerplate} Financial inclusion for the unbanked, fund {k}"),
                &[1],
                Writer::Investor,
            );
        }
        let read = |text: &str| -> Vec<SectorRef> {
            words.sectors_of(text).into_iter().map(|(s, _)| s).collect()
        };
        assert_eq!(read("Chuỗi giá trị nông sản đồng bằng"), vec![0]);
        assert_eq!(read("chuoi gia tri nong san"), vec![0]);
        assert_eq!(read("We back financial inclusion"), vec![1]);
        // Boilerplate alone says nothing one way or the other.
        let both = read(boilerplate);
        assert!(both.len() != 1, "{both:?}");
        assert_eq!(read("quantum chromodynamics"), Vec::<SectorRef>::new());
    }

    #[test]
    fn too_few_profiles_read_nothing() {
        let mut words = SectorWords::default();
        words.add("Cảm biến độ ẩm cho ruộng lúa", &[0], Writer::Startup);
        words.add("Ví điện tử", &[1], Writer::Startup);
        assert!(words.sectors_of("ruộng lúa").is_empty());
    }
}
