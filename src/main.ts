import { mount } from 'svelte';
import './app/app.css';
import App from './app/App.svelte';
import { registerServiceWorker } from './app/offline';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

registerServiceWorker();
