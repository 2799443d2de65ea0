// electron-updater's HTTP, with Node's http in place of Electron's net: the
// same builder-util-runtime HttpExecutor (redirects, doDownload with its
// sha512 DigestTransform) that ElectronHttpExecutor extends; only
// createRequest and download (as electronHttpExecutor.js writes them, minus
// the Electron session) are here. For tests on loopback, where Electron
// cannot run.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './static-checks';

const require = createRequire(join(ROOT, 'package.json'));
// electron-updater's own runtime (a CommonJS dependency of it).
const runtime = require('builder-util-runtime') as {
  HttpExecutor: new () => object;
  configureRequestUrl(url: URL, options: RequestOptions): void;
  configureRequestOptions(options: RequestOptions): RequestOptions;
};

interface DownloadOptions {
  readonly headers?: Record<string, string> | null;
  readonly cancellationToken: {
    createPromise<T>(
      run: (
        resolve: (value: T) => void,
        reject: (error: Error) => void,
        onCancel: (callback: () => void) => void,
      ) => void,
    ): Promise<T>;
  };
}

type DoDownload = (
  options: RequestOptions,
  task: {
    destination: string;
    options: DownloadOptions;
    onCancel: (callback: () => void) => void;
    callback: (error: Error | null) => void;
    responseHandler: null;
  },
  redirectCount: number,
) => void;

export class NodeUpdateExecutor extends runtime.HttpExecutor {
  createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ClientRequest {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      runtime.configureRequestUrl(url, requestOptions);
      runtime.configureRequestOptions(requestOptions);
      (this as unknown as { doDownload: DoDownload }).doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}
