//! Exercises its dependencies and prints what they computed; tests/cargo_lto.rs compares the
//! output of the build of each backend and LTO setting.

use anyhow::{Context, Result};
use regex_lite::Regex;
use semver::{Version, VersionReq};

include!(concat!(env!("OUT_DIR"), "/primes.rs"));

const LOG: &str = "\
2026-11-01 12:00:01 INFO  crate serde 1.0.210 downloaded in 35ms
2026-11-01 12:00:02 WARN  crate regex 1.11.1 retried 2 times
2026-11-01 12:00:03 INFO  crate libc 0.2.164 downloaded in 12ms
2026-11-01 12:00:04 ERROR crate anyhow 0.9.3 yanked
2026-11-01 12:00:05 INFO  crate semver 1.0.23 downloaded in 8ms
";

fn parse(line: &str, re: &Regex) -> Result<(String, String, Version)> {
    let caps = re.captures(line).with_context(|| format!("no match in `{line}`"))?;
    let version = Version::parse(&caps["version"]).with_context(|| format!("bad version in `{line}`"))?;
    Ok((caps["level"].to_owned(), caps["name"].to_owned(), version))
}

fn main() -> Result<()> {
    let re = Regex::new(r"(?P<level>INFO|WARN|ERROR)\s+crate (?P<name>[a-z_-]+) (?P<version>\d+\.\d+\.\d+)")?;
    let req = VersionReq::parse(">=1.0, <2")?;
    let mut entries = Vec::new();
    for line in LOG.lines() {
        entries.push(parse(line, &re)?);
    }
    entries.sort_by(|a, b| a.2.cmp(&b.2).then(a.1.cmp(&b.1)));
    for (level, name, version) in &entries {
        println!("{level:<5} {name:<7} {version:<8} stable: {}", req.matches(version));
    }
    let err = parse("garbage", &re).unwrap_err();
    println!("error: {err:#}");

    let checksum = PRIMES.iter().fold(0u64, |h, &p| h.wrapping_mul(31).wrapping_add(p as u64));
    println!("{} primes, checksum {checksum}", PRIMES.len());
    let pid_ok = unsafe { libc::getpid() } > 0;
    println!("libc getpid works: {pid_ok}");
    let words: Vec<&str> = Regex::new(r"\b\w{6,}\b")?.find_iter(LOG).map(|m| m.as_str()).collect();
    println!("long words: {}", words.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_line() {
        let re = Regex::new(r"(?P<level>INFO|WARN|ERROR)\s+crate (?P<name>[a-z_-]+) (?P<version>\d+\.\d+\.\d+)").unwrap();
        let (level, name, version) = parse("INFO  crate libc 0.2.164 downloaded", &re).unwrap();
        assert_eq!((level.as_str(), name.as_str(), version.minor), ("INFO", "libc", 2));
    }

    #[test]
    fn rejects_garbage() {
        let re = Regex::new(r"crate (?P<name>\w+)").unwrap();
        assert!(parse("nothing here", &re).is_err());
    }

    #[test]
    #[should_panic(expected = "out of range")]
    fn panics_with_a_message() {
        let primes = PRIMES.to_vec();
        let i = primes.len() + 1;
        primes.get(i).expect("out of range");
    }
}
