// No extra line: what Vue CLI 5 builds the package with when the webpack it resolves is 5.83 or
// later (a fresh install; top-level await is on by default there). As a control, Vue CLI 5 over
// webpack 5.82 (an older lockfile) fails to build the default entry with it.
module.exports = {};
