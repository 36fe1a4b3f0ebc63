// std's HashMap/HashSet (hashbrown): its group probing runs on SSE2 through core::arch, i.e. on
// the generic SIMD intrinsics (simd_splat, simd_eq, simd_bitmask, simd_and, ...).
// Uses the default RandomState: output is sorted, so it does not depend on the seed.
use std::collections::{HashMap, HashSet};

fn main() {
    // 10k integer keys: insert, overwrite, remove, iterate.
    let mut m: HashMap<u64, String> = HashMap::new();
    for i in 0..10_000u64 {
        m.insert(i.wrapping_mul(2654435761) % 100_003, format!("v{i}"));
    }
    println!("len {}", m.len());
    for i in 0..500u64 {
        *m.entry(i * 7).or_insert_with(String::new) += "+";
    }
    println!("len after entry {}", m.len());
    let mut removed = 0;
    for i in (0..100_003u64).step_by(3) {
        if m.remove(&i).is_some() {
            removed += 1;
        }
    }
    println!("removed {removed}, len {}", m.len());
    m.retain(|k, _| k % 5 != 0);
    println!("after retain {}", m.len());
    let mut pairs: Vec<(u64, String)> = m.iter().map(|(k, v)| (*k, v.clone())).collect();
    pairs.sort();
    let sum: u64 = pairs.iter().map(|(k, _)| *k).sum();
    println!("key sum {sum}");
    for (k, v) in pairs.iter().take(5) {
        println!("  {k} {v}");
    }
    for (k, v) in pairs.iter().rev().take(5) {
        println!("  {k} {v}");
    }
    println!("get 1: {:?}, get 3: {:?}, contains 26: {}", m.get(&1), m.get(&3), m.contains_key(&26));

    // Grow and shrink repeatedly (rehashing, tombstones).
    let mut churn: HashMap<u32, u32> = HashMap::with_capacity(4);
    for round in 0..20u32 {
        for i in 0..1000u32 {
            churn.insert(i * 31 + round, i);
        }
        for i in 0..900u32 {
            churn.remove(&(i * 31 + round));
        }
    }
    churn.shrink_to_fit();
    let mut ck: Vec<_> = churn.keys().copied().collect();
    ck.sort_unstable();
    println!("churn len {} first {:?} last {:?}", churn.len(), &ck[..3], &ck[ck.len() - 3..]);

    // String keys and HashSet algebra.
    let words = "the quick brown fox jumps over the lazy dog and the quick cat naps";
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for w in words.split(' ') {
        *freq.entry(w).or_default() += 1;
    }
    let mut fv: Vec<_> = freq.into_iter().collect();
    fv.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("freq {fv:?}");
    let a: HashSet<i32> = (0..40).filter(|x| x % 2 == 0).collect();
    let b: HashSet<i32> = (0..40).filter(|x| x % 3 == 0).collect();
    let sorted = |s: HashSet<i32>| {
        let mut v: Vec<_> = s.into_iter().collect();
        v.sort();
        v
    };
    println!("inter {:?}", sorted(a.intersection(&b).copied().collect()));
    println!("union len {}", a.union(&b).count());
    println!("diff {:?}", sorted(a.difference(&b).copied().collect()));
    println!("symdiff len {}", a.symmetric_difference(&b).count());
    let mut strings: HashSet<String> = HashSet::new();
    for i in 0..10_000 {
        strings.insert(format!("key-{}", i % 2500));
    }
    println!("distinct strings {}", strings.len());
    let mut sv: Vec<_> = strings.iter().filter(|s| s.ends_with("99")).cloned().collect();
    sv.sort();
    println!("{:?}", &sv[..5]);
}
