//! Embeds every file of `data/dict/` in the library, so the default dictionaries need no files
//! at run time. The generated module lists `(file name, contents)` pairs in name order.
use std::fs;
use std::io::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/dict");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("default_dict.rs");
    let mut f = fs::File::create(out).unwrap();
    writeln!(
        f,
        "/// The default dictionary files, embedded at build time."
    )
    .unwrap();
    writeln!(f, "pub static DEFAULT_DICT_FILES: &[(&str, &str)] = &[").unwrap();
    for n in &names {
        let p = dir.join(n);
        println!("cargo:rerun-if-changed={}", p.display());
        writeln!(
            f,
            "    ({:?}, include_str!({:?})),",
            n,
            p.display().to_string()
        )
        .unwrap();
    }
    writeln!(f, "];").unwrap();
}
