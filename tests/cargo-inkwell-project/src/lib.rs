//! The library half of `inkapp`.

include!(concat!(env!("OUT_DIR"), "/generated.rs"));

/// The newest of the versions that parse, with how many did not.
///
/// ```
/// let (newest, bad) = inkapp::newest(&["1.2.3", "x", "1.10.0"]);
/// assert_eq!(newest.unwrap().to_string(), "1.10.0");
/// assert_eq!(bad, 1);
/// ```
pub fn newest(versions: &[&str]) -> (Option<semver::Version>, usize) {
    let parsed: Vec<_> = versions.iter().map(|v| semver::Version::parse(v)).collect();
    let bad = parsed.iter().filter(|p| p.is_err()).count();
    (parsed.into_iter().filter_map(Result::ok).max(), bad)
}

pub fn loud(name: &str) -> String {
    format!("{} {name}", shout::shout!("hello"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn primes_from_the_build_script() {
        assert_eq!(super::PRIMES.len(), 46);
        assert_eq!(super::PRIMES.iter().sum::<u64>(), 4227);
    }

    #[test]
    fn newest_version() {
        assert_eq!(super::newest(&["0.1.0", "0.10.0", "0.9.9"]).0.unwrap().minor, 10);
    }
}
