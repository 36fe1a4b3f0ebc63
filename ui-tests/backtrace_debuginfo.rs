//@ run-fail
//@ compile-flags: -g
//@ run-env: RUST_BACKTRACE=1
//@ opt-levels: 0 1 3
// A panic's backtrace with full debuginfo: file:line:col of every frame, inlined frames
// included, from an enum method through `Option::map` and a recursive function.

#[derive(Debug)]
enum Node {
    Leaf(i64),
    Pair(Box<Node>, Box<Node>),
}

impl Node {
    fn depth_sum(&self, depth: i64) -> i64 {
        match self {
            Node::Leaf(v) => Some(*v).map(|v| if v < 0 { panic!("negative leaf {v} at depth {depth}") } else { v * depth }).unwrap(),
            Node::Pair(a, b) => a.depth_sum(depth + 1) + b.depth_sum(depth + 1),
        }
    }
}

fn main() {
    let ok = Node::Pair(Box::new(Node::Leaf(2)), Box::new(Node::Pair(Box::new(Node::Leaf(3)), Box::new(Node::Leaf(4)))));
    println!("{}", ok.depth_sum(0));
    let bad = Node::Pair(Box::new(Node::Leaf(1)), Box::new(Node::Leaf(-5)));
    println!("{:?}", bad);
    println!("{}", bad.depth_sum(0));
}
