fn main() {
    println!("{}", inkapp::loud("inkwell"));
    println!("{} primes below 200, the last {}", inkapp::PRIMES.len(), inkapp::PRIMES.last().unwrap());
    let (newest, bad) = inkapp::newest(&["1.0.0-alpha", "1.0.0", "0.9.12", "not-a-version", "1.0.1-rc.1"]);
    println!("newest {}, {bad} unparsable", newest.unwrap());
    let handles: Vec<_> = (0..4u64).map(|i| std::thread::spawn(move || (1..=1000 * (i + 1)).sum::<u64>())).collect();
    let sums: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("thread sums {sums:?}");
}
