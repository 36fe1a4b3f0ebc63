//! Parses a small log with regex, turns each line into a derived struct, and prints it back as
//! JSON and the totals: output that both backends' builds must print alike.

use std::collections::BTreeMap;

use regex::Regex;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Entry {
    time: u32,
    level: Level,
    message: String,
    tags: Vec<String>,
}

const LOG: &str = "\
0012 INFO  started [boot,main]
0345 WARN  disk almost full [disk]
0777 ERROR cannot open /etc/x [io,config]
1024 INFO  done []
";

fn main() {
    let line = Regex::new(r"^(\d{4}) (INFO|WARN|ERROR)\s+(.*?) \[([a-z,]*)\]$").unwrap();
    let entries: Vec<Entry> = LOG
        .lines()
        .map(|l| {
            let c = line.captures(l).expect("a log line");
            Entry {
                time: c[1].parse().unwrap(),
                level: match &c[2] {
                    "INFO" => Level::Info,
                    "WARN" => Level::Warn,
                    _ => Level::Error,
                },
                message: c[3].to_string(),
                tags: c[4].split(',').filter(|t| !t.is_empty()).map(String::from).collect(),
            }
        })
        .collect();
    let json = serde_json::to_string_pretty(&entries).unwrap();
    println!("{json}");
    let back: Vec<Entry> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, entries);
    let mut per_level = BTreeMap::new();
    for e in &entries {
        *per_level.entry(format!("{:?}", e.level)).or_insert(0) += 1;
    }
    println!("{}", serde_json::to_value(&per_level).unwrap());
}
