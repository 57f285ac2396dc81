// Vue CLI 5 over webpack 5.60–5.82 (the webpack an older lockfile pins; Vue CLI 5 accepts any
// ^5.54): the one line webpack < 5.83 needs, given through configureWebpack.
module.exports = {
  configureWebpack: { experiments: { topLevelAwait: true } },
};
