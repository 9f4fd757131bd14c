use std::io::{Cursor, Read};
use zip::write::{PreparedZipFile, ZipWriter};
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(&dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            files.push(std::fs::read(e.path()).unwrap());
        }
    }
    let total: usize = files.iter().map(|f| f.len()).sum();
    for level in [1i64, 2, 3] {
        let opts = fieldguide::output::download::options().compression_level(Some(level));
        let t = std::time::Instant::now();
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (i, f) in files.iter().enumerate() {
            w.add_prepared_file(PreparedZipFile::from_data(format!("{i}"), opts, f).unwrap())
                .unwrap();
        }
        let z = w.finish().unwrap().into_inner();
        let el = t.elapsed();
        println!(
            "level {level}: {:.0} ms, {:.1} MB -> {:.1} MB ({:.1}%), {:.0} MB/s",
            el.as_secs_f64() * 1e3,
            total as f64 / 1e6,
            z.len() as f64 / 1e6,
            z.len() as f64 * 100.0 / total as f64,
            total as f64 / 1e6 / el.as_secs_f64()
        );
        let t = std::time::Instant::now();
        let mut a = zip::ZipArchive::new(Cursor::new(&z[..])).unwrap();
        let mut n = 0;
        let mut v = Vec::new();
        for i in 0..a.len() {
            v.clear();
            a.by_index(i).unwrap().read_to_end(&mut v).unwrap();
            n += v.len();
        }
        println!(
            "  inflate: {:.0} ms for {:.1} MB",
            t.elapsed().as_secs_f64() * 1e3,
            n as f64 / 1e6
        );
    }
}
