/**
 * Browser entry of the preview: the page's clock set to the data set's day, synthetic shadow
 * (as Lightning Experience runs it), then the page shell, which hosts the project's components.
 */
import './setClock';
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PreviewApp from 'preview/app';

const root = document.getElementById('main');
if (root) root.appendChild(createElement('preview-app', { is: PreviewApp }));
