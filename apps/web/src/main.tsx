import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from './app/apollo';
import { App } from './app/App';
import { Providers } from './app/Providers';
import { setupI18n } from './i18n';
import './styles.css';

setupI18n();
const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Providers client={client}>
        <App />
      </Providers>
    </BrowserRouter>
  </StrictMode>,
);
