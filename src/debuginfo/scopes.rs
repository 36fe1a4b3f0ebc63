//! The debug scopes of a function's MIR source scopes: a lexical block per scope, and for scopes
//! that MIR inlining made, the callee's subprogram with the call site as inlined-at location.

use std::collections::hash_map::Entry;

use rustc_codegen_ssa::mir::debuginfo::{DebugScope, FunctionDebugContext};
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::fx::FxHashMap;
use rustc_index::bit_set::DenseBitSet;
use rustc_middle::mir::{Body, SourceScope};
use rustc_middle::ty::layout::{FnAbiOf, HasTypingEnv};
use rustc_middle::ty::{self, Instance};
use rustc_session::config::DebugInfo;
use rustc_span::{BytePos, DUMMY_SP, Span, hygiene};

use crate::context::CodegenCx;
use crate::llvm::{self, Metadata};

type Context<'ll, 'tcx> = FunctionDebugContext<'tcx, &'ll Metadata, &'ll Metadata>;

struct Walk<'a, 'll, 'tcx> {
    cx: &'a CodegenCx<'ll, 'tcx>,
    instance: Instance<'tcx>,
    mir: &'a Body<'tcx>,
    /// With full debuginfo, the scopes that hold variables: only those need lexical blocks.
    with_variables: Option<DenseBitSet<SourceScope>>,
    done: DenseBitSet<SourceScope>,
    /// How often each call site was inlined so far: copies after the first get a discriminator.
    call_sites: FxHashMap<BytePos, u32>,
}

pub fn compute<'ll, 'tcx>(
    cx: &CodegenCx<'ll, 'tcx>,
    instance: Instance<'tcx>,
    mir: &Body<'tcx>,
    context: &mut Context<'ll, 'tcx>,
) {
    let with_variables = (cx.sess().opts.debuginfo == DebugInfo::Full).then(|| {
        let mut scopes = DenseBitSet::new_empty(mir.source_scopes.len());
        for var in &mir.var_debug_info {
            scopes.insert(var.source_info.scope);
        }
        scopes
    });
    let mut walk = Walk {
        cx,
        instance,
        mir,
        with_variables,
        done: DenseBitSet::new_empty(mir.source_scopes.len()),
        call_sites: FxHashMap::default(),
    };
    for scope in mir.source_scopes.indices() {
        walk.make(context, scope);
    }
}

impl<'ll, 'tcx> Walk<'_, 'll, 'tcx> {
    fn make(&mut self, context: &mut Context<'ll, 'tcx>, scope: SourceScope) {
        if self.done.contains(scope) {
            return;
        }
        self.done.insert(scope);
        let cx = self.cx;
        let data = &self.mir.source_scopes[scope];
        let Some(parent) = data.parent_scope else {
            // The outermost scope is the function's subprogram, made by the caller.
            let file = cx.sess().source_map().lookup_source_file(self.mir.span.lo());
            context.scopes[scope] = DebugScope {
                file_start_pos: file.start_pos,
                file_end_pos: file.end_position(),
                ..context.scopes[scope]
            };
            return;
        };
        self.make(context, parent);
        let parent = context.scopes[parent];

        if let Some(with_variables) = &self.with_variables
            && !with_variables.contains(scope)
            && data.inlined.is_none()
        {
            context.scopes[scope] = parent;
            return;
        }

        let pos = cx.source_pos(data.span.lo());
        let file = cx.file_metadata(&pos.file);
        let dbg_scope = match data.inlined {
            Some((callee, _)) => {
                let callee = cx.tcx.instantiate_and_normalize_erasing_regions(
                    self.instance.args,
                    cx.typing_env(),
                    ty::EarlyBinder::bind(callee),
                );
                *context.inlined_function_scopes.entry(callee).or_insert_with(|| {
                    let fn_abi = cx.fn_abi_of_instance(callee, ty::List::empty());
                    cx.dbg_scope_fn(callee, fn_abi, None)
                })
            }
            None => cx.dbg().builder.lexical_block(parent.dbg_scope, file, pos.line, pos.col),
        };
        let inlined_at = data.inlined.map(|(_, call_site)| {
            let call_site = hygiene::walk_chain_collapsed(call_site, self.mir.span);
            let call_scope = parent.adjust_dbg_scope_for_span(cx, call_site);
            self.call_site_location(call_scope, parent.inlined_at, call_site)
        });
        context.scopes[scope] = DebugScope {
            dbg_scope,
            inlined_at: inlined_at.or(parent.inlined_at),
            file_start_pos: pos.file.start_pos,
            file_end_pos: pos.file.end_position(),
        };
    }

    /// The location of a call site that was inlined. One call site can be inlined more than
    /// once (a closure called in a loop that was unrolled by MIR inlining of its callers): the
    /// second and later copies get DWARF base discriminators 1, 2, …, as LLVM's
    /// `cloneWithBaseDiscriminator` gives them, so that they stay distinct inlined-at locations.
    fn call_site_location(
        &mut self,
        scope: &'ll Metadata,
        inlined_at: Option<&'ll Metadata>,
        span: Span,
    ) -> &'ll Metadata {
        let cx = self.cx;
        let discriminator = match self.call_sites.entry(span.lo()) {
            Entry::Vacant(v) => {
                v.insert(0);
                return cx.dbg_loc(scope, inlined_at, span);
            }
            Entry::Occupied(mut o) => {
                *o.get_mut() += 1;
                *o.get()
            }
        };
        match (encode_base_discriminator(discriminator), llvm::debuginfo::scope_file(scope)) {
            (Some(encoded), Some(file)) => {
                let scope = cx.dbg().builder.lexical_block_file(scope, file, encoded);
                cx.dbg_loc(scope, inlined_at, span)
            }
            // Too many copies to number: the call site's line is unknown, as in LLVM.
            _ => cx.dbg_loc(scope, inlined_at, DUMMY_SP),
        }
    }
}

/// LLVM's encoding of a DWARF base discriminator in a location without duplication factor or
/// copy id (`DILocation::encodeDiscriminator(d, 0, 0)`): `d << 1` below 32, a 12-bit prefix
/// encoding up to 4095, none beyond.
fn encode_base_discriminator(d: u32) -> Option<u32> {
    match d {
        0 => Some(0),
        1..=0x1f => Some(d << 1),
        0x20..=0xfff => Some((((d & 0xfe0) << 1) | (d & 0x1f) | 0x20) << 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::encode_base_discriminator;

    /// LLVM's decoding (`getUnsignedFromPrefixEncoding`) gives the number back.
    #[test]
    fn discriminators_round_trip() {
        let decode = |u: u32| {
            if u & 1 != 0 {
                return 0;
            }
            let u = u >> 1;
            if u & 0x20 != 0 { ((u >> 1) & 0xfe0) | (u & 0x1f) } else { u & 0x1f }
        };
        for d in 0..=0xfff {
            assert_eq!(decode(encode_base_discriminator(d).unwrap()), d);
        }
        assert_eq!(encode_base_discriminator(0x1000), None);
    }
}
