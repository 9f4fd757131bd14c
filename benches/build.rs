//! Build speed on a generated corpus: 1,000 chapters x 3 languages, ~1,000
//! words each with lists, tables and links.
//!
//! Reports pages per second, peak memory, and the ratio to a floor measured
//! in the same run: plain pulldown-cmark rendering *and writing* of the same
//! files (sequential, and in parallel on all cores). Ratios, not absolute
//! times, are what to compare: the machines are shared and noisy.
//!
//! Run: `cargo bench --bench build` (FIELDGUIDE_BENCH_CHAPTERS=N to resize,
//! FIELDGUIDE_BENCH_RUNS=N for the number of runs; 10,000 chapters x 3
//! languages is the large case).

use rayon::prelude::*;
use std::fmt::Write as _;

// `serve` is measured in this process: with the binary's allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const LANGS: [&str; 3] = ["en", "fr", "ar"];
const WORDS: [&str; 24] = [
    "referral",
    "safety",
    "consent",
    "interview",
    "indicator",
    "document",
    "movement",
    "debt",
    "shelter",
    "protection",
    "confidential",
    "survivor",
    "assessment",
    "community",
    "practitioner",
    "record",
    "partner",
    "support",
    "risk",
    "information",
    "travel",
    "employer",
    "recruitment",
    "agency",
];

fn sentence(seed: &mut u64, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = WORDS[(*seed >> 33) as usize % WORDS.len()];
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w);
    }
    s.push('.');
    s
}

/// Publications in the corpus, and chapters per part: the shape of a large
/// real handbook (parts of about forty chapters).
const PUBLICATIONS: usize = 3;
const PART_SIZE: usize = 40;

/// A chapter of about 1,000 words with headings, lists, a table and links.
fn chapter(p: usize, c: usize, part_len: usize, seed: &mut u64) -> String {
    let mut s = format!(
        "---\ntitle: Chapter {c} of publication {p}\nsummary: {}\n---\n\n",
        sentence(seed, 8)
    );
    for sec in 0..5 {
        let _ = writeln!(s, "## Section {sec} {{#s{sec}}}\n");
        for _ in 0..3 {
            let _ = writeln!(s, "{}\n", sentence(seed, 40));
        }
        for i in 0..4 {
            let _ = writeln!(s, "- Item {i}: {}", sentence(seed, 8));
        }
        s.push_str("\n| Sign | What to do |\n| --- | --- |\n");
        for _ in 0..3 {
            let _ = writeln!(s, "| {} | {} |", sentence(seed, 3), sentence(seed, 5));
        }
        let next = (c + 1) % part_len;
        let _ = writeln!(
            s,
            "\nSee [the next chapter](c{next:03}.md#s{sec}) and [the publication](../index.md) and [another](../../p{}/index.md).\n",
            (p + 1) % PUBLICATIONS
        );
    }
    s
}

fn write(files: &mut Vec<PathBuf>, path: PathBuf, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    files.push(path);
}

/// `chapters_total` chapters in every language, in three publications of
/// parts of forty chapters.
pub fn generate(root: &Path, chapters_total: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(root).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        "title: Bench\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n  - { code: ar, name: العربية }\n",
    )
    .unwrap();
    let mut files = Vec::new();
    let mut seed = 42u64;
    for p in 0..PUBLICATIONS {
        let per_pub =
            chapters_total / PUBLICATIONS + usize::from(p < chapters_total % PUBLICATIONS);
        let dir = root.join(format!("guidance/p{p}"));
        for lang in LANGS {
            let index = format!("---\ntitle: Publication {p}\nkind: guidelines\n---\n\nIntro.\n");
            write(&mut files, dir.join(format!("index.{lang}.md")), &index);
            for c in 0..per_pub {
                let part = dir.join(format!("{:03}-part{}", c / PART_SIZE, c / PART_SIZE));
                if c % PART_SIZE == 0 {
                    let text = format!(
                        "---\ntitle: Part {} of publication {p}\n---\n\nThe chapters of this part.\n",
                        c / PART_SIZE
                    );
                    write(&mut files, part.join(format!("index.{lang}.md")), &text);
                }
                let part_len = PART_SIZE.min(per_pub - c / PART_SIZE * PART_SIZE);
                let text = chapter(p, c % PART_SIZE, part_len, &mut seed);
                write(
                    &mut files,
                    part.join(format!("c{:03}.{lang}.md", c % PART_SIZE)),
                    &text,
                );
            }
        }
    }
    files
}

/// The floor: read, render with plain pulldown-cmark, write.
fn floor(files: &[PathBuf], out: &Path, parallel: bool) -> Duration {
    // A new folder each time, as for fieldguide's fresh builds: deleting
    // thousands of files just before writing them again makes the
    // filesystem's timing erratic.
    std::fs::create_dir_all(out).unwrap();
    let start = Instant::now();
    let one = |(i, f): (usize, &PathBuf)| {
        let text = std::fs::read_to_string(f).unwrap();
        let mut html = String::with_capacity(text.len() * 3 / 2);
        let parser = pulldown_cmark::Parser::new_ext(&text, fieldguide::markdown::md_options());
        pulldown_cmark::html::push_html(&mut html, parser);
        std::fs::write(out.join(format!("{i}.html")), html).unwrap();
    };
    if parallel {
        files.par_iter().enumerate().for_each(one);
    } else {
        files.iter().enumerate().for_each(one);
    }
    start.elapsed()
}

/// Runs the real binary; returns wall time.
fn build(site: &Path, out: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["build", "--quiet", "--source"])
        .arg(site)
        .arg("--out")
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success());
    start.elapsed()
}

/// One more fresh build with `--verbose`: where its time goes, step by step.
fn steps(site: &Path, out: &Path) -> Vec<String> {
    let o = Command::new(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["build", "--verbose", "--source"])
        .arg(site)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success());
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .filter(|l| l.trim_end().ends_with(" ms") && l.starts_with("  "))
        .map(str::to_string)
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_child_rss_mb() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

fn main() {
    let chapters: usize = std::env::var("FIELDGUIDE_BENCH_CHAPTERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    // FIELDGUIDE_BENCH_SITE=DIR only writes the corpus there, for profiling.
    if let Some(dir) = std::env::var_os("FIELDGUIDE_BENCH_SITE") {
        generate(Path::new(&dir), chapters);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let files = generate(&site, chapters);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!(
        "corpus: {} Markdown files ({} chapters x {} languages), {:.1} MB",
        files.len(),
        chapters,
        LANGS.len(),
        bytes as f64 / 1e6
    );

    // FIELDGUIDE_BENCH_RUNS=N: fewer runs for the large corpus.
    let runs: usize = std::env::var("FIELDGUIDE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut floor_seq = Vec::new();
    let mut floor_par = Vec::new();
    let mut fresh = Vec::new();
    let mut noop = Vec::new();
    let mut one_edit = Vec::new();
    let edited = site.join("guidance/p0/000-part0/c000.en.md");
    let original = std::fs::read_to_string(&edited).unwrap();
    for i in 0..runs {
        // Interleave the measurements so machine noise hits them alike.
        floor_seq.push(floor(
            &files,
            &tmp.path().join(format!("floor-seq{i}")),
            false,
        ));
        floor_par.push(floor(
            &files,
            &tmp.path().join(format!("floor-par{i}")),
            true,
        ));
        let out = tmp.path().join(format!("out{i}"));
        fresh.push(build(&site, &out));
        noop.push(build(&site, &out));
        std::fs::write(&edited, format!("{original}\nEdited {i}.\n")).unwrap();
        one_edit.push(build(&site, &out));
    }
    std::fs::write(&edited, &original).unwrap();
    let peak = peak_child_rss_mb();
    let step_lines = steps(&site, &tmp.path().join("out-steps"));

    // `serve`: the site in memory, one chapter edited, only its pages re-rendered.
    let opts = fieldguide::pipeline::Options {
        source: site.clone(),
        strict: false,
        live_reload: Some("__fieldguide/livereload.js".into()),
        keep_text: true,
        ..Default::default()
    };
    let (mut session, _) = fieldguide::rebuild::Session::start(opts)
        .ok()
        .expect("the corpus builds");
    let mut serve_edit = Vec::new();
    // Several edits even in a single run: the first after start is slower
    // (memory taken from the system), and is reported on its own.
    for i in 0..runs.max(5) {
        std::fs::write(&edited, format!("{original}\nServe edit {i}.\n")).unwrap();
        let start = Instant::now();
        let outcome = session
            .update(std::slice::from_ref(&edited))
            .ok()
            .expect("the edit builds");
        serve_edit.push(start.elapsed());
        assert!(!outcome.full && !outcome.changed.is_empty());
    }
    std::fs::write(&edited, original).unwrap();
    let (fs, fp, b, n, e) = (
        median(floor_seq),
        median(floor_par),
        median(fresh),
        median(noop),
        median(one_edit),
    );
    let pages = files.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "floor, pulldown-cmark render + write, 1 thread:   {:8.1} ms",
        ms(fs)
    );
    println!(
        "floor, pulldown-cmark render + write, all cores:  {:8.1} ms",
        ms(fp)
    );
    println!(
        "fieldguide build, fresh output:                   {:8.1} ms  ({:.0} pages/s)",
        ms(b),
        pages as f64 / b.as_secs_f64()
    );
    println!(
        "fieldguide build, nothing changed:                {:8.1} ms",
        ms(n)
    );
    println!(
        "fieldguide build, one chapter edited:             {:8.1} ms",
        ms(e)
    );
    let first_edit = serve_edit[0];
    println!(
        "serve, one chapter edited (in memory):            {:8.1} ms  (first edit: {:.1} ms)",
        ms(median(serve_edit)),
        ms(first_edit)
    );
    println!("  (a fresh build includes zipping the whole site: download/<site>.zip)");
    println!(
        "ratio to floor (1 thread):   {:.2}x",
        b.as_secs_f64() / fs.as_secs_f64()
    );
    println!(
        "ratio to floor (all cores):  {:.2}x",
        b.as_secs_f64() / fp.as_secs_f64()
    );
    println!("peak memory of a build:      {peak:.0} MB");
    println!("where a fresh build's time goes (fieldguide build --verbose):");
    for l in step_lines {
        println!("{l}");
    }
}
