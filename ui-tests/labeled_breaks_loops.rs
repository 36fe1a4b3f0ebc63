// Control flow: labeled break/continue out of nested loops, break with value from loop and from
// labeled blocks, while let over a stack, for over ranges with early exit, loop-carried state.
use std::hint::black_box as bb;

fn main() {
    let mut found = None;
    'outer: for i in 1..bb(50) {
        for j in 1..50 {
            if i * j == 391 { found = Some((i, j)); break 'outer; }
            if j > i { continue 'outer; }
        }
    }
    println!("{found:?}");
    let mut n = bb(27u64);
    let steps = loop { if n == 1 { break 0u32; } let mut c = 0; while n != 1 { n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 }; c += 1; } break c; };
    println!("{steps}");
    let v = 'blk: { if bb(3) > 2 { break 'blk "big"; } "small" };
    println!("{v}");
    let mut stack = vec![1, 2, 3];
    let mut popped = vec![];
    while let Some(top) = stack.pop() { popped.push(top); if top == 2 { stack.push(10); stack.push(20); } if popped.len() > 10 { break; } }
    println!("{popped:?}");
    let mut grid_hits = 0;
    'rows: for r in 0..10 {
        'cols: for c in 0..10 {
            if c > r { continue 'rows; }
            if (r + c) % 4 == 3 { continue 'cols; }
            if r * c > 40 { break 'rows; }
            grid_hits += 1;
        }
    }
    println!("{grid_hits}");
    let mut count = 0;
    let res = 'a: loop {
        'b: loop {
            count += 1;
            if count % 3 == 0 { continue 'a; }
            if count > 10 { break 'a count * 2; }
            if count % 2 == 0 { break 'b; }
        }
        count += 100;
    };
    println!("{res} {count}");
    let mut fizz = String::new();
    for i in 1..=15 { fizz += &match (i % 3, i % 5) { (0, 0) => "FizzBuzz".to_string(), (0, _) => "Fizz".into(), (_, 0) => "Buzz".into(), _ => i.to_string() }; fizz.push(' '); }
    println!("{}", fizz.trim_end());
    let mut i = 0;
    while { i += 1; i < 5 } {}
    println!("{i}");
    let total: i32 = (0..10).map(|x| { if x == 7 { return 100; } x }).sum();
    println!("{total}");
}
