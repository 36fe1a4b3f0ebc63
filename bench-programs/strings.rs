//! String and Vec heavy work: formatting, splitting, parsing, pushing, searching and replacing,
//! with many short-lived heap allocations.

use std::fmt::Write;
use std::hint::black_box;

fn round(lines: usize, seed: usize) -> String {
    let mut text = String::new();
    for i in seed..seed + lines {
        writeln!(text, "{i},item-{:x},{}.{:02},{}", i * 2654435761 % 1_000_003, i % 997, i % 100, if i % 3 == 0 { "yes" } else { "no" }).unwrap();
    }

    let mut total_cents = 0u64;
    let mut yes = 0usize;
    let mut longest = String::new();
    let mut words: Vec<String> = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        let (units, cents) = fields[2].split_once('.').unwrap();
        total_cents += units.parse::<u64>().unwrap() * 100 + cents.parse::<u64>().unwrap();
        if fields[3] == "yes" {
            yes += 1;
        }
        let name = fields[1].to_uppercase().replace("ITEM-", "I");
        if name.len() > longest.len() || (name.len() == longest.len() && name > longest) {
            longest = name.clone();
        }
        if name.contains("AB") {
            words.push(name);
        }
    }

    let joined = words.join("+");
    let reversed: String = joined.chars().rev().filter(|c| *c != '+').collect();
    let digits = reversed.bytes().filter(u8::is_ascii_digit).count();
    let mut rebuilt = String::with_capacity(joined.len());
    for (i, w) in joined.split('+').enumerate() {
        if i % 2 == 0 {
            rebuilt.push_str(&w.to_lowercase());
        } else {
            rebuilt.insert_str(0, &w[..2]);
        }
        if rebuilt.len() > 4096 {
            rebuilt.truncate(1024);
        }
    }
    format!(
        "bytes={} cents={total_cents} yes={yes} longest={longest} matched={} digits={digits} rebuilt={}",
        text.len(),
        words.len(),
        rebuilt.len()
    )
}

fn main() {
    let lines: usize = black_box(200_000);
    for r in 0..black_box(18) {
        println!("{}", round(lines, r * 1_000_000));
    }
}
