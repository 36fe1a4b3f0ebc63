//@ compile-flags: -Zsanitizer=address
// Correct code under AddressSanitizer: heap, stack, globals, threads and unwinding all stay
// clean with both backends (tests/instrument.rs checks that real bugs are reported).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

static GREETING: &str = "hello";
static TABLE: [u16; 5] = [1, 1, 2, 3, 5];

fn main() {
    let mut words: HashMap<String, usize> = HashMap::new();
    for w in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *words.entry(w.to_string()).or_default() += 1;
    }
    let mut counts: Vec<_> = words.into_iter().collect();
    counts.sort();
    println!("{counts:?}");

    let mut stack = [0u64; 32];
    for (i, x) in stack.iter_mut().enumerate() {
        *x = (i as u64).pow(2);
    }
    println!("{} {}", stack.iter().sum::<u64>(), TABLE.iter().map(|&x| x as u32).sum::<u32>());

    let shared = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || shared.lock().unwrap().push(t * 10))
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut v = shared.lock().unwrap().clone();
    v.sort();
    println!("{v:?}");

    let caught = std::panic::catch_unwind(|| {
        let b = Box::new([7u8; 100]);
        if b[99] == 7 {
            panic!("unwinding through a boxed value");
        }
    });
    println!("{} {}", caught.is_err(), GREETING.len());
}
