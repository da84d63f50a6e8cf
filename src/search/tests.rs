//! The index, its queries and highlights, on small made-up documents.

use super::*;

fn doc(kind: DocKind, id: i64, name: &str, tagline: &str, body: &str) -> SearchDoc {
    SearchDoc {
        kind,
        id,
        name: name.into(),
        tagline: tagline.into(),
        body: body.into(),
        ..SearchDoc::default()
    }
}

fn index(docs: &[SearchDoc]) -> SearchIndex {
    let index = SearchIndex::in_ram().expect("index");
    index.upsert(docs).expect("add");
    index.commit().expect("commit");
    index
}

fn ids(index: &SearchIndex, text: &str) -> Vec<i64> {
    let hits = index
        .search(&SearchQuery {
            text: text.into(),
            limit: 10,
            ..SearchQuery::default()
        })
        .expect("search");
    hits.hits.iter().map(|h| h.id).collect()
}

fn sample() -> SearchIndex {
    index(&[
        doc(
            DocKind::Startup,
            1,
            "Lúa Xanh",
            "Khởi nghiệp nông nghiệp",
            "Cảm biến cho ruộng lúa ở Cần Thơ",
        ),
        doc(
            DocKind::Startup,
            2,
            "Ví Mekong",
            "Mobile wallet for farmers",
            "Fintech for the Mekong Delta",
        ),
        doc(
            DocKind::Investor,
            3,
            "Quỹ Đổi Mới",
            "",
            "Đầu tư vào nong nghiep cong nghe cao",
        ),
        doc(
            DocKind::Mentor,
            4,
            "Cô Mã Lan",
            "Luật sư",
            "Pháp lý cho khởi nghiệp",
        ),
        doc(
            DocKind::Mentor,
            5,
            "Anh Ma Minh",
            "Marketing",
            "Growth marketing",
        ),
        doc(
            DocKind::Event,
            6,
            "Techfest Hải Phòng 2025",
            "",
            "Ngày hội khởi nghiệp đổi mới sáng tạo",
        ),
    ])
}

#[test]
fn folded_queries_find_accented_text_and_the_reverse() {
    let index = sample();
    assert_eq!(ids(&index, "khoi nghiep nong nghiep"), [1]);
    // Accented query, unaccented text.
    let found = ids(&index, "nông nghiệp");
    assert!(found.contains(&1) && found.contains(&3), "{found:?}");
    assert_eq!(ids(&index, "hai phong"), [6]);
    assert_eq!(ids(&index, "DOI MOI"), ids(&index, "đổi mới"));
}

#[test]
fn diacritics_typed_rank_exact_matches_first() {
    let index = sample();
    // "mã" typed: Mã Lan before Ma Minh (both match the folded "ma").
    assert_eq!(ids(&index, "mã "), [4, 5]);
    // Typed without diacritics: both, and no preference is made.
    let mut plain = ids(&index, "ma ");
    plain.sort();
    assert_eq!(plain, [4, 5]);
}

/// Diacritics typed only break ties: a name holding every word typed,
/// without diacritics, ranks above one holding fewer of them with the
/// diacritics (and the one with all of them and the diacritics first).
#[test]
fn exact_diacritics_break_ties_but_never_beat_more_words_matched() {
    let mut docs: Vec<SearchDoc> = (10..40)
        .map(|i| {
            let name = format!("Công ty {i}");
            doc(
                DocKind::Startup,
                i,
                &name,
                "Nông sản sạch",
                "Hoa quả và rau",
            )
        })
        .collect();
    docs.push(doc(DocKind::Startup, 1, "Hoa Sen Do", "Trà thảo mộc", ""));
    docs.push(doc(
        DocKind::Startup,
        2,
        "Sen Đỏ",
        "Hoa quả sấy",
        "Đồng Tháp",
    ));
    let found = ids(&index(&docs), "Hoa Sen Đỏ");
    assert_eq!(found, [1, 2]);
    assert_eq!(ids(&index(&docs), "hoa sen do"), [1, 2]);
    docs.push(doc(DocKind::Startup, 3, "Hoa Sen Đỏ", "Trà thảo mộc", ""));
    assert_eq!(ids(&index(&docs), "Hoa Sen Đỏ"), [3, 1, 2]);
}

#[test]
fn names_outrank_long_texts() {
    let index = index(&[
        doc(
            DocKind::Startup,
            1,
            "Nông trại số",
            "",
            "Quản lý trang trại",
        ),
        doc(
            DocKind::Startup,
            2,
            "Trại Xanh",
            "",
            "Phần mềm cho nông dân và nông trại",
        ),
    ]);
    assert_eq!(ids(&index, "nông"), [1, 2]);
}

#[test]
fn phrases_prefixes_and_typos() {
    let index = sample();
    assert_eq!(ids(&index, "\"mobile wallet\""), [2]);
    assert_eq!(ids(&index, "\"wallet mobile\""), Vec::<i64>::new());
    // The last word is a prefix while typing...
    assert_eq!(ids(&index, "techf"), [6]);
    // ...but not once a space follows it.
    assert_eq!(ids(&index, "techf "), Vec::<i64>::new());
    // One typo in a longer word.
    assert_eq!(ids(&index, "fintach "), [2]);
    assert_eq!(
        ids(&index, "fintk "),
        Vec::<i64>::new(),
        "two edits are too many"
    );
    assert_eq!(ids(&index, "mekomg "), [2]);
}

#[test]
fn similar_finds_profiles_that_read_alike_within_a_kind() {
    let index = index(&[
        doc(
            DocKind::Investor,
            1,
            "Quỹ A",
            "Nông sản",
            "Truy xuất nguồn gốc nông sản đồng bằng",
        ),
        doc(
            DocKind::Investor,
            2,
            "Quỹ B",
            "",
            "Thanh toán di động cho ngân hàng",
        ),
        doc(DocKind::Investor, 3, "Quỹ C", "", "Nông sản xuất khẩu"),
        doc(
            DocKind::Startup,
            1,
            "Lúa",
            "",
            "truy xuat nguon goc nong san",
        ),
        doc(DocKind::Startup, 2, "Ví", "", "thanh toán di động"),
    ]);
    let text = "Truy xuất nguồn gốc nông sản, hợp tác xã";
    let hits = index.similar(DocKind::Investor, text, 10).unwrap();
    let found: Vec<i64> = hits.iter().map(|h| h.0).collect();
    assert_eq!(found, vec![1, 3], "best first, other kinds never");
    assert!(hits[0].1 > hits[1].1);
    // Unaccented text finds the same.
    let plain = index
        .similar(DocKind::Investor, "truy xuat nguon goc nong san", 10)
        .unwrap();
    assert_eq!(plain.iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 3]);
    // Among some ids only; one sharing no word is not similar at all.
    let pool = index.pool(DocKind::Investor, &[2, 3, 99]).unwrap();
    let among = pool.similar(text, 10).unwrap();
    assert_eq!(among.iter().map(|h| h.0).collect::<Vec<_>>(), vec![3]);
    // The same scores as over the whole index.
    assert_eq!(among[0].1, hits[1].1);
    let everyone = index.pool(DocKind::Investor, &[1, 2, 3]).unwrap();
    assert_eq!(everyone.similar(text, 10).unwrap(), hits);
    let startups = index.similar(DocKind::Startup, "thanh toan", 10).unwrap();
    assert_eq!(startups.iter().map(|h| h.0).collect::<Vec<_>>(), vec![2]);
    assert!(index.similar(DocKind::Event, text, 10).unwrap().is_empty());
    assert!(index.similar(DocKind::Investor, "", 10).unwrap().is_empty());
}

#[test]
fn kinds_filter_and_updates_and_deletes_show_after_commit() {
    let index = sample();
    let mentors = index
        .search(&SearchQuery {
            text: "khoi nghiep".into(),
            kinds: vec![DocKind::Mentor],
            limit: 10,
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!(mentors.hits.iter().map(|h| h.id).collect::<Vec<_>>(), [4]);
    index
        .upsert(&[doc(DocKind::Startup, 2, "Ví Cửu Long", "", "Ví điện tử")])
        .expect("update");
    index.delete(DocKind::Event, 6).expect("delete");
    index.commit().expect("commit");
    assert_eq!(ids(&index, "mekong "), Vec::<i64>::new());
    assert_eq!(ids(&index, "cuu long"), [2]);
    assert_eq!(ids(&index, "techfest"), Vec::<i64>::new());
}

#[test]
fn the_fast_first_pass_ranks_as_the_full_search_does() {
    // More exact matches than MIN_EXACT_HITS, so the first pass runs.
    let mut docs: Vec<SearchDoc> = (0..40)
        .map(|n| {
            doc(
                DocKind::Startup,
                n,
                &format!("Công ty {n}"),
                "Ma trận dữ liệu",
                "Phần mềm quản lý nông trại và ma trận",
            )
        })
        .collect();
    docs.push(doc(DocKind::Startup, 100, "Nông Trại Số", "", "Dữ liệu"));
    docs.push(doc(DocKind::Mentor, 101, "Cô Mã Lan", "", "Ma trận"));
    let index = index(&docs);
    let first = |text: &str| ids(&index, text)[0];
    assert_eq!(first("nông trại "), 100, "the name outranks long texts");
    assert_eq!(first("nong trai "), 100, "unaccented too");
    assert_eq!(first("mã "), 101, "the exact diacritics first");
    assert_eq!(first("nong tr"), 100, "the word being typed is completed");
    // Pages are slices of one order, whatever the page size.
    let page = |offset: usize, limit: usize| -> Vec<i64> {
        index
            .search(&SearchQuery {
                text: "ma tran".into(),
                limit,
                offset,
                ..SearchQuery::default()
            })
            .expect("search")
            .hits
            .iter()
            .map(|h| h.id)
            .collect()
    };
    let whole = page(0, 100);
    assert_eq!(whole.len(), 41);
    let paged: Vec<i64> = (0..6).flat_map(|p| page(p * 7, 7)).collect();
    assert_eq!(paged, whole);
    let counted = index
        .search(&SearchQuery {
            text: "ma tran".into(),
            limit: 5,
            count: true,
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!((counted.total, counted.more), (41, true));
}

#[test]
fn one_edit_is_a_letter_replaced_added_dropped_or_swapped() {
    for (a, b) in [
        ("mekong", "mekong"),
        ("mekong", "mekomg"),
        ("mekong", "mekon"),
        ("mekong", "mekongs"),
        ("mekong", "mkeong"),
        ("mekong", "emkong"),
    ] {
        assert!(within_one_edit(a, b), "{a} {b}");
    }
    for (a, b) in [
        ("mekong", "mekxmg"),
        ("mekong", "meko"),
        ("mekong", "kemong"),
    ] {
        assert!(!within_one_edit(a, b), "{a} {b}");
    }
    let h = Highlighter::new("mkeong walle");
    assert_eq!(
        h.snippet("Ví Mekong, a wallet").as_deref(),
        Some("Ví <b>Mekong</b>, a <b>wallet</b>")
    );
    assert_eq!(h.snippet("nothing here"), None);
}

#[test]
fn empty_and_hostile_queries_find_nothing_quietly() {
    let index = sample();
    for text in [
        "",
        "   ",
        "\"\"",
        "\"",
        "!!!",
        &"a ".repeat(10_000),
        &"x".repeat(100_000),
    ] {
        assert!(ids(&index, text).len() <= 6);
    }
    assert_eq!(split(&"w ".repeat(100)).len(), MAX_PARTS);
}

#[test]
fn names_of_the_querys_length_come_first() {
    let index = index(&[
        doc(
            DocKind::Startup,
            1,
            "Miệt Vườn Pulse",
            "Vườn Pulse",
            "Pulse",
        ),
        doc(DocKind::Startup, 2, "Vườn Pulse", "Nông trại", "Cảm biến"),
        doc(DocKind::Startup, 3, "Hoa Sen Đỏ Group", "Hoa Sen", ""),
        doc(DocKind::Startup, 4, "Hoa Sen Đỏ", "Trà", ""),
    ]);
    // Typed whole, and while the last word is still being typed.
    first_results_are(
        &index,
        &[
            ("Vườn Pulse", 2),
            ("vuon puls", 2),
            ("Hoa Sen Đỏ", 4),
            ("hoa sen d", 4),
        ],
    );
}

/// The first result of each search is the one given.
fn first_results_are(index: &SearchIndex, searches: &[(&str, i64)]) {
    for (query, first) in searches {
        assert_eq!(ids(index, query).first(), Some(first), "{query}");
    }
}

#[test]
fn names_holding_every_word_as_typed_come_first() {
    let mut docs = vec![
        doc(DocKind::Startup, 1, "Cánh Diều Mekong", "Cánh diều", ""),
        doc(DocKind::Startup, 2, "Mekong Cánh Diều", "Diều", ""),
        doc(
            DocKind::Startup,
            3,
            "Bếp Sạch",
            "Bếp Mekong Mekong",
            "Mekong",
        ),
        doc(DocKind::Startup, 4, "Bếp Mekong", "Nhà bếp", ""),
        doc(DocKind::Startup, 5, "Hanoi Net", "Mạng", ""),
        doc(DocKind::Startup, 6, "Smart Net", "Hanoi Hanoi", "Hanoi"),
    ];
    // Enough other profiles holding the words for the first pass to find
    // more than a handful of exact matches.
    for n in 0..20 {
        docs.push(doc(
            DocKind::Startup,
            100 + n,
            "Nông trại",
            "Mekong Bếp Diều Cánh Net Hanoi",
            "",
        ));
    }
    let index = index(&docs);
    first_results_are(
        &index,
        &[
            // Words in the order typed, the last one still being typed or not.
            ("Mekong Cánh Diều", 2),
            ("Cánh Diều Mekong", 1),
            ("mekong canh di", 2),
            // The word being typed must start a word of the name.
            ("Bếp Mekong", 4),
            ("Bếp Meko", 4),
            // Two letters swapped, in a word no name holds.
            ("Haoni Net ", 5),
            ("Bếp Meokng", 4),
        ],
    );
}
