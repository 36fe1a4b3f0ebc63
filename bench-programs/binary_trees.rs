//! Binary trees (after the Benchmarks Game): many small Box allocations and deallocations,
//! recursion over the trees.

use std::hint::black_box;

struct Tree {
    children: Option<(Box<Tree>, Box<Tree>)>,
}

fn bottom_up(depth: u32) -> Box<Tree> {
    if depth == 0 {
        Box::new(Tree { children: None })
    } else {
        Box::new(Tree { children: Some((bottom_up(depth - 1), bottom_up(depth - 1))) })
    }
}

fn check(t: &Tree) -> u32 {
    match &t.children {
        None => 1,
        Some((l, r)) => 1 + check(l) + check(r),
    }
}

fn main() {
    let max_depth = black_box(18u32);
    let min_depth = 4;
    let stretch = max_depth + 1;
    println!("stretch tree of depth {stretch}\t check: {}", check(&bottom_up(stretch)));
    let long_lived = bottom_up(max_depth);
    for depth in (min_depth..=max_depth).step_by(2) {
        let iterations = 1u32 << (max_depth - depth + min_depth);
        let sum: u32 = (0..iterations).map(|_| check(&bottom_up(depth))).sum();
        println!("{iterations}\t trees of depth {depth}\t check: {sum}");
    }
    println!("long lived tree of depth {max_depth}\t check: {}", check(&long_lived));
}
