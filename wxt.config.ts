import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One source tree, two builds: chrome-mv3 and firefox-mv2 (`wxt build -b firefox`).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    name: 'NOS Lens',
    description:
      'Highlights National Occupational Standards units on any page, looks them up, and keeps your evidence against them.',
    permissions: ['storage', 'unlimitedStorage', 'tabs', 'contextMenus', 'activeTab'],
    commands: {
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Switch NOS Lens highlighting off or on for this site',
      },
    },
    ...(browser === 'firefox'
      ? {
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
