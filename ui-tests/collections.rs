//@ opt-levels: 0 1 2 3 s z
// Standard collections: HashMap/HashSet with a fixed (non-random) hasher and sorted output,
// BTreeMap/BTreeSet ranges, VecDeque rotation, BinaryHeap with Reverse, LinkedList, entry API.
use std::collections::*;
use std::cmp::Reverse;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 { self.0 }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 { self.0 = 0xcbf29ce484222325; }
        for b in bytes { self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100000001b3); }
    }
}
type FixedMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

fn main() {
    let text = "the cat sat on the mat the end and the cat ran";
    let mut freq: FixedMap<&str, u32> = FixedMap::default();
    for w in text.split(' ') { *freq.entry(w).or_insert(0) += 1; }
    let mut fv: Vec<_> = freq.iter().collect();
    fv.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{:?}", fv);
    println!("{:?} {}", freq.get("cat"), freq.len());
    println!("{:?} {:?}", freq.remove("zebra"), freq.remove("end"));
    let set: HashSet<u32, BuildHasherDefault<Fnv>> = (0..100).map(|x| x * x % 17).collect();
    let mut sv: Vec<_> = set.into_iter().collect();
    sv.sort();
    println!("{:?}", sv);
    let mut bt = BTreeMap::new();
    for i in 0..30u32 { bt.insert((i * 7) % 31, i); }
    println!("{:?}", bt.range(10..20).collect::<Vec<_>>());
    println!("{:?} {:?}", bt.first_key_value(), bt.last_key_value());
    bt.retain(|k, _| k % 3 == 0);
    println!("{:?}", bt);
    let bs: BTreeSet<char> = "hello world".chars().collect();
    println!("{:?}", bs);
    let mut dq: VecDeque<i32> = (1..=8).collect();
    dq.rotate_left(3);
    dq.push_front(0);
    dq.push_back(99);
    println!("{:?}", dq);
    println!("{:?} {:?}", dq.pop_front(), dq.back());
    dq.make_contiguous().sort();
    println!("{:?}", dq.as_slices().0);
    let mut heap = BinaryHeap::new();
    for x in [5, 1, 8, 3, 9, 2, 7] { heap.push(x); }
    println!("{:?} {}", heap.peek(), heap.len());
    let sorted: Vec<_> = std::iter::from_fn(|| heap.pop()).collect();
    println!("{:?}", sorted);
    let mut minheap: BinaryHeap<Reverse<(u8, &str)>> = BinaryHeap::new();
    minheap.push(Reverse((3, "c")));
    minheap.push(Reverse((1, "a")));
    minheap.push(Reverse((2, "b")));
    println!("{:?}", minheap.into_sorted_vec());
    let mut ll: LinkedList<u8> = LinkedList::new();
    ll.push_back(2); ll.push_front(1); ll.push_back(3);
    println!("{:?} {}", ll, ll.contains(&2));
    let mut big: FixedMap<u64, u64> = FixedMap::default();
    for i in 0..10000u64 { big.insert(i, i * i); }
    println!("{} {}", big.len(), big.values().sum::<u64>());
}
