//! Incremental ThinLTO: a module whose ThinLTO inputs are the same as in the previous session
//! is not optimized again; its object comes back from the incremental cache (a copy job).
//!
//! A module's key covers everything its post-LTO object depends on: its own bitcode, which
//! functions it imports and the bitcode of the modules they come from, which of its locals are
//! promoted, which of its definitions are internalized or kept as `weak_odr`. Keys are stored in
//! the session directory (rustc carries the directory's files over to the next session).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rustc_data_structures::stable_hash::StableHasher;
use rustc_hashes::Hash128;

use super::index::ModulePlan;

const KEYS_FILE: &str = "inkwell-thin-lto-keys.txt";

/// Changes when the meaning of a key changes (or the backend that made the objects).
const KEY_VERSION: &str = concat!("inkwell-thinlto-1-", env!("CARGO_PKG_VERSION"));

/// A digest of some bitcode.
pub fn content_hash(data: &[u8]) -> u128 {
    let mut h = StableHasher::new();
    h.write(data);
    h.finish::<Hash128>().as_u128()
}

/// The key of module `idx` (`names` and `hashes` are every module's name and content hash).
pub fn module_key(idx: usize, plan: &ModulePlan, names: &[String], hashes: &[u128]) -> String {
    let mut h = StableHasher::new();
    KEY_VERSION.hash(&mut h);
    hashes[idx].hash(&mut h);
    // By name, not index: the set of modules can change between sessions.
    let mut imports: Vec<_> = plan.imports.iter().map(|(s, defs)| (&names[*s], hashes[*s], defs)).collect();
    imports.sort();
    imports.hash(&mut h);
    // Indices into the module's own definitions, which its bitcode (hashed above) fixes.
    plan.promote.hash(&mut h);
    plan.internalize.hash(&mut h);
    plan.make_weak_odr.hash(&mut h);
    format!("{:032x}", h.finish::<Hash128>().as_u128())
}

pub struct Keys {
    path: PathBuf,
    previous: BTreeMap<String, String>,
}

impl Keys {
    /// The previous session's keys; none if there are none or they cannot be read (then
    /// nothing is reused).
    pub fn load(session_dir: &Path) -> Keys {
        let path = session_dir.join(KEYS_FILE);
        let previous = std::fs::read_to_string(&path)
            .map(|text| {
                text.lines()
                    .filter_map(|l| l.rsplit_once(' '))
                    .map(|(name, key)| (name.to_owned(), key.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Keys { path, previous }
    }

    pub fn unchanged(&self, name: &str, key: &str) -> bool {
        self.previous.get(name).is_some_and(|k| k == key)
    }

    pub fn save(&self, current: &BTreeMap<String, String>) -> std::io::Result<()> {
        let text: String = current.iter().map(|(name, key)| format!("{name} {key}\n")).collect();
        std::fs::write(&self.path, text)
    }
}
