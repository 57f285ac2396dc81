// The single-file variant has no top-level await: Vite 5 needs no config at all.
export default {};
