//! Throughput and memory of `dyad::dedup::NearDuplicateIndex` on generated articles.
//!
//! `cargo run --release -p dyad --example dedup_bench -- [ARTICLES] [WORDS]` (default 200000
//! articles of 400 words).
//!
//! Articles are random text over a 20,000-word vocabulary with a skewed (roughly Zipf) word
//! distribution, so unrelated articles share common words and some short phrases, as news does.
//! Every fifth article is a copy of an earlier one (seeded, so the copy can be regenerated
//! without keeping the text) with a scraper header and a "Source link" footer: the index should
//! find exactly those. Memory is measured twice: the index's own `memory_bytes()` and the heap
//! the process holds after the run (a counting allocator), which must agree.

use dyad::dedup::NearDuplicateIndex;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;
static HEAP: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HEAP.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HEAP.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HEAP.fetch_add(new_size, Ordering::Relaxed);
        HEAP.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "da", "gi", "ho", "bu", "fe", "ya",
    "wo", "ri", "tu", "en", "an", "or", "is", "el", "um",
];

fn word(i: u64, out: &mut String) {
    let mut i = i;
    loop {
        out.push_str(SYLLABLES[(i % 25) as usize]);
        i /= 25;
        if i == 0 {
            break;
        }
    }
}

fn article(seed: u64, words: usize) -> String {
    let mut state = seed;
    let mut text = String::with_capacity(words * 8);
    for w in 0..words {
        // skewed: the square of a uniform variable favours small indices
        let u = next(&mut state) % 141;
        let idx = (u * u + next(&mut state) % 7) % 20_000;
        word(idx, &mut text);
        text.push(if w % 23 == 22 { '\n' } else { ' ' });
    }
    text
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let words: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(400);
    let before = HEAP.load(Ordering::Relaxed);
    let mut index = NearDuplicateIndex::default();
    let mut rng = 42u64;
    let (mut copies, mut found, mut wrong, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    let start = Instant::now();
    let mut in_index = 0.0f64; // seconds inside check_and_insert, text generation excluded
    for i in 0..n {
        let (text, original) = if i % 5 == 4 {
            let of = (next(&mut rng) % i as u64) as usize;
            let of = of - of % 5 + (of % 5).min(3); // an original, never a copy
            copies += 1;
            let body = article(of as u64, words);
            (
                format!("Home | World | News\n{body}\nSource link: https://mirror.example/{i}\nShare this"),
                Some(of),
            )
        } else {
            (article(i as u64, words), None)
        };
        bytes += text.len();
        let id = format!("article-{i:08}");
        let t = Instant::now();
        let result = index.check_and_insert(&id, &text);
        in_index += t.elapsed().as_secs_f64();
        match (result, original) {
            (Some(d), Some(of)) if d.id == format!("article-{of:08}") => found += 1,
            (Some(_), _) => wrong += 1,
            (None, _) => {}
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let heap = HEAP.load(Ordering::Relaxed) - before;
    let stories = index.stories();
    println!(
        "{n} articles of {words} words ({:.0} MB of text), {copies} copies planted",
        bytes as f64 / 1e6
    );
    println!(
        "  {secs:.2} s in all; {in_index:.2} s in the index: {:.0} articles/s, {:.1} MB/s",
        n as f64 / in_index,
        bytes as f64 / 1e6 / in_index
    );
    println!("  copies found {found}/{copies}, wrong matches {wrong}");
    println!(
        "  stories stored {stories}, rows per band {}",
        index.rows_per_band()
    );
    println!(
        "  memory_bytes {:.1} MB = {:.0} bytes per story; heap held {:.1} MB = {:.0} bytes per story",
        index.memory_bytes() as f64 / 1e6,
        index.memory_bytes() as f64 / stories as f64,
        heap as f64 / 1e6,
        heap as f64 / stories as f64
    );
}
