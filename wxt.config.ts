import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// One source tree, two builds: chrome-mv3 and firefox-mv2 (`wxt build -b firefox`).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    name: 'NOS Lens',
    // Rendered from assets/icon.svg by scripts/render-icons.ts; the PNGs are committed in public/icon/.
    icons: ICONS,
    // Chrome's MV3 action; Firefox's MV2 build names it browser_action (below), beside the popup WXT adds.
    action: { default_icon: ICONS, default_title: 'NOS Lens' },
    description:
      'Highlights National Occupational Standards units on any page, looks them up, and keeps your evidence against them.',
    permissions: ['storage', 'unlimitedStorage', 'tabs', 'contextMenus', 'activeTab'],
    // The document viewer fetches the PDF or Word file the user asked it to open, from wherever it is. The content
    // script already runs on every address, so the install warning is the same; WXT moves this into `permissions`
    // for Firefox's MV2 build.
    host_permissions: ['<all_urls>'],
    commands: {
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Switch NOS Lens highlighting off or on for this site',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_action: { default_icon: ICONS, default_title: 'NOS Lens' },
          browser_specific_settings: {
            gecko: {
              id: 'nos-lens@nos-lens.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: {
              strict_min_version: '142.0',
            },
          },
        }
      : {}),
  }),
});
