//! Finds the site's languages: one directory under `locales/` per language, holding its
//! translation files. The server embeds them all (`src/i18n/locales.rs`), so adding a
//! language is adding a directory; nothing in the code lists them.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages: Vec<_> = std::fs::read_dir(&root)
        .expect("the locales directory exists")
        .map(|entry| entry.expect("a readable locales directory").path())
        .filter(|path| path.is_dir())
        .collect();
    languages.sort();
    let mut out = String::from("/// Every language's translation files: (code, [(file name, contents)]).\n");
    out.push_str("pub static LOCALE_FILES: &[(&str, &[(&str, &str)])] = &[\n");
    for language in languages {
        println!("cargo:rerun-if-changed={}", language.display());
        let code = language.file_name().and_then(|n| n.to_str()).expect("a language directory named by its code");
        let mut files: Vec<_> = std::fs::read_dir(&language)
            .expect("a readable language directory")
            .map(|entry| entry.expect("a readable language directory").path())
            .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        writeln!(out, "    ({code:?}, &[").unwrap();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.file_name().and_then(|n| n.to_str()).expect("a file name");
            writeln!(out, "        ({name:?}, include_str!({:?})),", file.display().to_string()).unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
