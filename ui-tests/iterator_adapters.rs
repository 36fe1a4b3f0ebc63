// Iterator adapters: zip, chain, flat_map, scan, rev, step_by, fold, take_while, skip_while,
// map_while, filter_map, enumerate, cycle, windows-free pairwise, min/max_by_key, partition,
// unzip, position, any/all, product, and sums of large ranges (closed forms at O3).
use std::hint::black_box as bb;

fn main() {
    let n = bb(1_000_000u64);
    println!("{} {} {}", (0..n).sum::<u64>(), (0..=n).rev().step_by(3).sum::<u64>(), (1..=20u64).product::<u64>());
    println!("{}", (0..n).map(|x| x * x % 7).sum::<u64>());
    let a = [1, 2, 3, 4, 5];
    let b = ["one", "two", "three"];
    println!("{:?}", a.iter().zip(b.iter()).map(|(n, s)| format!("{n}:{s}")).collect::<Vec<_>>());
    println!("{:?}", a.iter().chain(&[10, 20]).rev().collect::<Vec<_>>());
    println!("{:?}", (1..5).flat_map(|i| (0..i).map(move |j| i * 10 + j)).collect::<Vec<_>>());
    println!("{:?}", a.iter().scan(0, |acc, &x| { *acc += x; Some(*acc) }).collect::<Vec<_>>());
    println!("{:?}", (0..bb(30)).step_by(7).collect::<Vec<_>>());
    println!("{}", a.iter().fold(String::new(), |s, x| s + &x.to_string() + "-"));
    println!("{:?}", (1..).take_while(|x| x * x < 50).collect::<Vec<u32>>());
    println!("{:?}", a.iter().skip_while(|&&x| x < 3).collect::<Vec<_>>());
    println!("{:?}", ["1", "2", "x", "4"].iter().map_while(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("{:?}", ["1", "2", "x", "4"].iter().filter_map(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("{:?}", b.iter().enumerate().map(|(i, s)| s.len() * i).collect::<Vec<_>>());
    println!("{:?}", a.iter().cycle().skip(3).take(8).collect::<Vec<_>>());
    println!("{:?} {:?}", b.iter().max_by_key(|s| s.len()), b.iter().min_by_key(|s| s.len()));
    let (even, odd): (Vec<i32>, Vec<i32>) = (1..=10).partition(|x| x % 2 == 0);
    println!("{even:?} {odd:?}");
    let (xs, ys): (Vec<u8>, Vec<char>) = [(1, 'a'), (2, 'b')].into_iter().unzip();
    println!("{xs:?} {ys:?}");
    println!("{:?} {} {}", a.iter().position(|&x| x == 4), a.iter().any(|&x| x > 4), a.iter().all(|&x| x > 0));
    println!("{:?}", (0..10).map(|x| x as f32 * 0.5).filter(|x| x.fract() == 0.0).collect::<Vec<_>>());
    println!("{:?}", a.iter().copied().reduce(|x, y| x * 10 + y));
    println!("{}", (0..bb(100_000u32)).filter(|x| x % 3 == 0 || x % 5 == 0).map(u64::from).sum::<u64>());
    println!("{:?}", "a-b-c".split('-').zip(1..).last());
    let mut it = (1..=3).into_iter().fuse();
    println!("{:?} {:?} {:?} {:?} {:?}", it.next(), it.next(), it.next(), it.next(), it.size_hint());
    println!("{}", (1..=4).map(|x| x.to_string()).collect::<Vec<_>>().join("+"));
    println!("{:?}", [3, 1, 2].iter().min().zip([9, 8].iter().max()));
    println!("{}", (0..10).rev().skip(2).step_by(3).map(|x| x * 2).sum::<i32>());
    let v: Vec<i64> = (0..1000).map(|i: i64| (i * 7919) % 1000 - 500).collect();
    println!("{} {:?} {:?}", v.iter().sum::<i64>(), v.iter().max(), v.iter().min());
    println!("{}", v.iter().map(|&x| x.abs()).sum::<i64>());
    println!("{:?}", std::iter::zip(1..4, "xyz".chars()).collect::<Vec<_>>());
}
