// A program for the sysroot whose standard library the backend compiled (tests/install.rs):
// threads and channels, collections, formatting, panics caught and uncaught, files, processes,
// environment and time.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex, mpsc};

fn main() {
    // Threads, a mutex and a channel.
    let total = Arc::new(Mutex::new(0u64));
    let (tx, rx) = mpsc::channel();
    let workers: Vec<_> = (0..4u64)
        .map(|i| {
            let (total, tx) = (Arc::clone(&total), tx.clone());
            std::thread::Builder::new()
                .name(format!("worker-{i}"))
                .spawn(move || {
                    let sum: u64 = (i * 1000..(i + 1) * 1000).sum();
                    *total.lock().unwrap() += sum;
                    tx.send((i, std::thread::current().name().unwrap().to_owned())).unwrap();
                })
                .unwrap()
        })
        .collect();
    drop(tx);
    workers.into_iter().for_each(|w| w.join().unwrap());
    let mut names: Vec<_> = rx.iter().collect();
    names.sort();
    println!("threads: total {} from {names:?}", total.lock().unwrap());

    // Collections.
    let words = "the quick brown fox jumps over the lazy dog the end";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    words.split(' ').for_each(|w| *counts.entry(w).or_default() += 1);
    let sorted: BTreeMap<_, _> = counts.iter().collect();
    let unique: HashSet<char> = words.chars().filter(|c| c.is_alphabetic()).collect();
    let mut queue: VecDeque<i32> = (1..=5).collect();
    queue.rotate_left(2);
    queue.push_front(0);
    println!("collections: {sorted:?}, {} letters, {queue:?}", unique.len());
    println!("formatting: {:>8.3}|{:<6}|{:#x}|{:e}|{:?}", std::f64::consts::PI, "left", 48879, 1234.5f32, Some("x"));

    // Panics: caught (with the hook's message on stderr), then payloads.
    let caught = std::panic::catch_unwind(|| {
        let v: Vec<i32> = Vec::new();
        v[3]
    });
    println!("caught panic: {}", caught.is_err());
    let payload = std::panic::catch_unwind(|| std::panic::panic_any(42u8)).unwrap_err();
    println!("payload: {:?}", payload.downcast_ref::<u8>());

    // Files.
    let dir = std::env::temp_dir().join(format!("inkwell-std-program-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("data.txt");
    std::fs::File::create(&path).unwrap().write_all(b"line one\nline two\n").unwrap();
    let mut text = String::new();
    std::fs::File::open(&path).unwrap().read_to_string(&mut text).unwrap();
    println!("file: {} lines, {} bytes", text.lines().count(), std::fs::metadata(&path).unwrap().len());
    std::fs::remove_dir_all(&dir).unwrap();
    println!("missing file: {:?}", std::fs::read("/nonexistent/inkwell").unwrap_err().kind());

    // Processes and the environment.
    let out = std::process::Command::new("sh").args(["-c", "echo from a child; exit 3"]).output().unwrap();
    println!("child: {:?} {}", String::from_utf8_lossy(&out.stdout).trim(), out.status.code().unwrap());
    println!("env: {}", std::env::var("INKWELL_STD_PROGRAM").unwrap_or_default());
    let start = std::time::Instant::now();
    std::thread::sleep(std::time::Duration::from_millis(5));
    println!("time: slept at least 5 ms: {}", start.elapsed().as_millis() >= 5);

    // An uncaught panic in the main thread: message, exit status 101.
    let input: Result<u32, _> = "not a number".parse();
    input.expect("a number");
}
