//! Registers every rule file: each `src/<return>/rules/r*.rs` becomes a module and its
//! `RULES` join the return's list, so adding a rule is adding a file.
use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").unwrap();
    for ret in ["ssda903", "cin"] {
        let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap())
            .join("src")
            .join(ret)
            .join("rules");
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('r') && n.ends_with(".rs"))
            .map(|n| n.trim_end_matches(".rs").to_string())
            .collect();
        names.sort();
        let mut src = String::new();
        for n in &names {
            src.push_str(&format!(
                "#[path = {:?}] mod {n};\n",
                dir.join(format!("{n}.rs")).display().to_string()
            ));
        }
        src.push_str("/// Every version of every rule, one slice per rule file.\n");
        src.push_str("pub static FILES: &[&[Rule]] = &[\n");
        for n in &names {
            src.push_str(&format!("    {n}::RULES,\n"));
        }
        src.push_str("];\n");
        fs::write(Path::new(&out).join(format!("{ret}_rules.rs")), src).unwrap();
    }
}
