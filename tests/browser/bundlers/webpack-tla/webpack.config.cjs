// webpack 5.60–5.82: top-level await is an experiment there (on by default from 5.83).
// Everything but `experiments` is what any webpack config has.
module.exports = {
  mode: 'production',
  entry: './src/main.js',
  output: { path: `${__dirname}/dist`, filename: 'main.js' },
  experiments: { topLevelAwait: true }, // the one line webpack < 5.83 needs
};
