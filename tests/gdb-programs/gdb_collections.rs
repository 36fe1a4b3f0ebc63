// Vec, String, HashMap, HashSet, BTreeMap and VecDeque through rust-gdb's pretty printers.
// The HashMaps have a fixed hasher (or one entry), so that gdb lists them in the same order
// in every run.

//@ gdb-command: break gdb_collections.rs:39
//@ gdb-command: run
//@ gdb-command: print v
//@ gdb-command: print empty_vec
//@ gdb-command: print s
//@ gdb-command: print words
//@ gdb-command: print one
//@ gdb-command: print fixed
//@ gdb-command: print set
//@ gdb-command: print tree
//@ gdb-command: print deque
//@ gdb-command: print v.len

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, DefaultHasher};

type Fixed<K, V> = HashMap<K, V, BuildHasherDefault<DefaultHasher>>;

fn main() {
    let v = vec![1i32, 2, 3];
    let empty_vec: Vec<u8> = Vec::new();
    let s = String::from("owned string");
    let words = vec![String::from("a"), String::from("bc")];
    let mut one = HashMap::new();
    one.insert("key", 1u8);
    let mut fixed: Fixed<u32, char> = Fixed::default();
    for (k, c) in [(1, 'a'), (2, 'b'), (3, 'c')] {
        fixed.insert(k, c);
    }
    let set: HashSet<u8, BuildHasherDefault<DefaultHasher>> = [4, 5].into_iter().collect();
    let tree: BTreeMap<&str, i32> = [("one", 1), ("two", 2), ("three", 3)].into_iter().collect();
    let mut deque: VecDeque<u16> = VecDeque::with_capacity(4);
    deque.push_back(2);
    deque.push_front(1);
    std::hint::black_box((&v, &empty_vec, &s, &words, &one, &fixed, &set, &tree, &deque));
}

//@ gdb-check: $1 = Vec(size=3) = {1, 2, 3}
//@ gdb-check: $2 = Vec(size=0)
//@ gdb-check: $3 = "owned string"
//@ gdb-check: $4 = Vec(size=2) = {"a", "bc"}
//@ gdb-check: $5 = HashMap(size=1) = {["key"] = 1}
//@ gdb-check: $6 = HashMap(size=3) = {[1] = 97 'a', [2] = 98 'b', [3] = 99 'c'}
//@ gdb-check: $7 = HashSet(size=2) = {4, 5}
//@ gdb-check: $8 = BTreeMap(size=3) = {["one"] = 1, ["three"] = 3, ["two"] = 2}
//@ gdb-check: $9 = VecDeque(size=2) = {1, 2}
//@ gdb-check: $10 = 3
