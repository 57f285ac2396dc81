// A minimal Vue 3 app (a single-file component compiled by vue-loader): the component imports
// the package and calls a check, no init. The import is rewritten for the single-file variant.
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
